// Child process of crash.test.ts: runs one create or one import on the database at argv[2] and
// SIGKILLs itself the moment the write path first writes to the model named in argv[4] (before that
// statement runs, whether through a model method or a raw multi-row INSERT), as a kill -9 or a power cut between two statements would.
// `Model#n`: at its n-th write instead. Mode `import-segments`: the import's 50 events in segments of 10 (decision 44).
import { createSubject, importData, importWithFacts } from '../../src/features/content/index.ts';
import { createDb, type Db } from '../../src/platform/db.ts';

const [url, mode, crashArg] = process.argv.slice(2) as [string, 'create' | 'import' | 'import-segments' | 'facts', string];
const [crashAt, nth = '1'] = crashArg.split('#') as [string, string?];
let writes = 0;
const crashHere = () => {
  if (++writes >= Number(nth)) process.kill(process.pid, 'SIGKILL');
};
const base = await createDb({ url });
/** The text of a raw statement (the import's multi-row INSERTs, platform/bulk.ts). */
const sqlText = (args: unknown): string => {
  const first = Array.isArray(args) ? args[0] : args;
  if (typeof first === 'string') return first;
  const strings = (first as { strings?: string[]; sql?: string } | undefined)?.strings;
  return strings ? strings.join('?') : String((first as { sql?: string } | undefined)?.sql ?? '');
};
const rawWrite = ({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) => {
  if (new RegExp(`^\\s*INSERT INTO "${crashAt}"`).test(sqlText(args))) crashHere();
  return query(args);
};
const db = base.$extends({
  query: {
    $queryRaw: rawWrite,
    $executeRaw: rawWrite,
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        // Writes only: the checks before an import read the same tables.
        if (model === crashAt && !/^(find|count|aggregate|groupBy)/.test(operation)) crashHere();
        return query(args);
      },
    },
  },
}) as unknown as Db;
const ctx = { db, now: new Date('2026-01-15T12:00:00Z'), userId: null };

if (mode === 'create') {
  await createSubject(ctx, { name: 'Crash Model', slug: 'crash-model', kind: 'model', description: '', aliases: [], organizations: ['crash-org'] });
} else if (mode === 'facts') {
  // A model and its parameter count, as an export with facts (or an Epoch import) brings them.
  const source = { key: 'crash-source', publisher: 'Crash News', title: 'A report', url: null, publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] };
  const subjects = [{ slug: 'crash-model', name: 'Crash Model', kind: 'model', description: '', organizations: ['crash-org'] }];
  const facts = [{ subject: 'crash-model', kind: 'parameters', value: 7e9, text: null, unit: 'parameters', baseModel: null, source: 'crash-source', note: '', recordedAt: '2024-01-02T00:00:00.000Z' }];
  const file = JSON.stringify({ format: 'timeline-export', version: 1, organizations: [], subjects, sources: [source], facts });
  const report = await importWithFacts(ctx, file, { format: 'json', dryRun: false });
  if (!report.applied) throw new Error(JSON.stringify([report.errors, report.facts]));
} else {
  const source = { key: 'crash-source', publisher: 'Crash News', title: 'A report', url: null, publishedOn: '2024-01-02', language: 'en', isPrimary: false, cites: null, discrepancies: [] };
  const events = Array.from({ length: 50 }, (_, i) => ({
    slug: `crash-event-${i}`,
    title: `Crash event ${i}`,
    summary: '',
    kind: 'release',
    confidence: 'confirmed',
    date: '2024-05-01',
    organizations: ['crash-org'],
    subjects: [],
    tags: [],
    sources: [{ source: 'crash-source', quote: null }],
  }));
  const file = JSON.stringify({ format: 'timeline-export', version: 1, organizations: [], sources: [source], events });
  const report = await importData(ctx, file, { format: 'json', dryRun: false, segmentRows: mode === 'import-segments' ? 10 : undefined });
  if (!report.applied) throw new Error(JSON.stringify(report.errors));
}
await base.$disconnect();
process.stdout.write('done\n');
