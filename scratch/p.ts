import fs from 'node:fs';
import { extractClaims } from '../src/features/claims/extract.ts';
import { tryParseClaimDate } from '../src/features/dates/index.ts';
const text = fs.readFileSync('/work/shared/seed/article-meta-next-model.fr.txt', 'utf8');
const d = new Date('2023-09-11T00:00:00Z');
extractClaims(text, d, 'fr');
let t0 = performance.now(); extractClaims(text, d, 'fr'); console.log('warm extract', performance.now() - t0);
t0 = performance.now(); for (let i = 0; i < 1000; i++) tryParseClaimDate('le géant des réseaux sociaux prévoit de déployer 2024', { relativeTo: d }); console.log('1000 failing parses', performance.now() - t0);
t0 = performance.now(); for (let i = 0; i < 1000; i++) tryParseClaimDate('La sortie surviendrait probablement après 2024', { relativeTo: d }); console.log('1000 hedge parses', performance.now() - t0);
