import { extractClaims } from '../src/features/claims/extract.ts';
import { tryParseClaimDate } from '../src/features/dates/index.ts';
console.log(extractClaims('We think AGI arrives by 2030 (70-80% chance). Others disagree.', new Date('2025-01-01T00:00:00Z'), 'en'));
console.log(tryParseClaimDate('by 2030 (70-80% chance', { relativeTo: new Date('2025-01-01T00:00:00Z') }));
