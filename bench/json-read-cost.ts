// `node --expose-gc --import tsx bench/json-read-cost.ts [N]` (decision 44): builds the bench's
// export of N events (100,000) in /tmp/imp once, then times three reads of it by jsonEntries (the
// cost of reading an import's file a second time) and the heap of a Set of the events' slugs plus
// a Map slug -> id (what a keys-only check holds).
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../src/platform/db.ts';
import { exportWithFactsStream } from '../src/features/content/index.ts';
import { writeChunks } from '../src/platform/streams.ts';
import { jsonEntries } from '../src/platform/json-read.ts';
import { copyDb, insertCitedEvents, migratedTemplate } from './build-db.ts';
const n = Number(process.argv[2] ?? 100000);
const dir = '/tmp/imp';
const file = path.join(dir, `export-${n}.json`);
if (!fs.existsSync(file)) {
  const template = await migratedTemplate(dir);
  const from = copyDb(template, path.join(dir, `from-${n}.db`));
  insertCitedEvents(from, n);
  copyDb(template, path.join(dir, `into-${n}.db`));
  const db = await createDb({ url: `file:${from}` });
  await writeChunks(fs.createWriteStream(file), exportWithFactsStream(db, new Date()));
  await db.$disconnect();
}
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  let items = 0;
  for await (const e of jsonEntries(fs.createReadStream(file, { encoding: 'utf8' }))) if (e.kind === 'item') items++;
  console.log(JSON.stringify({ read: 'jsonEntries, every item parsed', items, ms: Math.round(performance.now() - t0), mb: +(fs.statSync(file).size / 2 ** 20).toFixed(1) }));
}
(globalThis as { gc?: () => void }).gc?.();
const h0 = process.memoryUsage().heapUsed;
const slugs = new Set<string>();
const ids = new Map<string, number>();
for await (const e of jsonEntries(fs.createReadStream(file, { encoding: 'utf8' }))) if (e.kind === 'item' && e.key === 'events') { const s = (e.value as { slug: string }).slug; slugs.add(s); ids.set(s, ids.size + 1); }
(globalThis as { gc?: () => void }).gc?.();
console.log(JSON.stringify({ keys: slugs.size, heapOfSlugSetAndIdMapMb: +((process.memoryUsage().heapUsed - h0) / 2 ** 20).toFixed(1) }));
