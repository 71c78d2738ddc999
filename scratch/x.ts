import fs from 'node:fs';
import { extractClaims } from '../src/features/claims/extract.ts';
const t0 = Date.now();
const r = extractClaims(fs.readFileSync(process.argv[2]!, 'utf8'), new Date(process.argv[3] + 'T00:00:00Z'), process.argv[4] as 'fr');
for (const c of r) console.log(c.phrase, '|', c.shape, c.start?.slice(0,10), c.end?.slice(0,10), c.label, c.reader, '|', c.sentence.slice(0, 60));
console.log(Date.now() - t0, 'ms');
