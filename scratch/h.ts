import { parseClaimDate } from '../src/features/dates/claim-date.ts';
const rows: [string, string, string][] = JSON.parse(process.argv[2]!);
for (const [phrase, said] of rows) {
  try { const r = parseClaimDate(phrase, { relativeTo: new Date(said + 'T00:00:00Z') });
    console.log(JSON.stringify({ phrase, shape: r.shape, start: r.start?.toISOString().slice(0,10) ?? null, end: r.end?.toISOString().slice(0,10) ?? null, l: r.likelihood && [r.likelihood.low, r.likelihood.high], label: r.label })); }
  catch (e) { console.log(JSON.stringify({ phrase, ERR: (e as Error).message.slice(0, 60) })); }
}
