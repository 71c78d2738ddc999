// Child process of crash.test.ts: runs one create or one import on the database at argv[2] and
// SIGKILLs itself the moment the write path first touches the model named in argv[4] (before that
// statement runs), as a kill -9 or a power cut between two statements would.
import { createSubject, importData } from '../../src/features/content/index.ts';
import { createDb, type Db } from '../../src/platform/db.ts';

const [url, mode, crashAt] = process.argv.slice(2) as [string, 'create' | 'import', string];
const base = await createDb({ url });
const db = base.$extends({
  query: {
    $allModels: {
      async $allOperations({ model, args, query }) {
        if (model === crashAt) process.kill(process.pid, 'SIGKILL');
        return query(args);
      },
    },
  },
}) as unknown as Db;
const ctx = { db, now: new Date('2026-01-15T12:00:00Z'), userId: null };

if (mode === 'create') {
  await createSubject(ctx, { name: 'Crash Model', slug: 'crash-model', kind: 'model', description: '', aliases: [], organizations: ['crash-org'] });
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
  const report = await importData(ctx, file, { format: 'json', dryRun: false });
  if (!report.applied) throw new Error(JSON.stringify(report.errors));
}
await base.$disconnect();
process.stdout.write('done\n');
