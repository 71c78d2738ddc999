import { parseClaimDate } from '../src/features/dates/claim-date.ts';
const said = new Date('2023-09-11T00:00:00Z');
const show = (t: string, rel: Date | null = said) => {
  try { const r = parseClaimDate(t, { relativeTo: rel }); console.log(JSON.stringify(t), r.shape, r.start?.toISOString().slice(0,10), r.end?.toISOString().slice(0,10), '|', r.label, '|', r.hedge, r.likelihood ? JSON.stringify(r.likelihood) : ''); }
  catch (e) { console.log(JSON.stringify(t), 'ERR', (e as Error).message.slice(0, 120)); }
};
for (const t of process.argv.slice(2)) show(t);
