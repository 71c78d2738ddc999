// The claim-extraction form: what the paste form accepts, the candidate rows it shows, and the
// claims an editor ticked, checked as milestone inputs before anything is saved.
import { z } from 'zod';
import { EXTRACT_LANGUAGES, type Candidate } from '../claims/index.ts';
import { choiceField, milestoneSchema, textField, type MilestoneInput } from '../content/index.ts';
import { parseInput, type FieldErrors } from '../../platform/validation.ts';

export const EXTRACT_LIMIT = '1mb';
const TEXT_MAX = 1_000_000; // characters; the body limit is in bytes
export const ROWS_MAX = 200;

export const readForm = z.object({
  text: textField('article text', TEXT_MAX, { multiline: true, required: true }),
  published: textField('publication date', 10, { required: true }).refine((v) => isDay(v), 'Give the publication date as YYYY-MM-DD.'),
  lang: choiceField('language', EXTRACT_LANGUAGES, 'en'),
  source: textField('source', 12),
});

function isDay(v: string): boolean {
  const d = new Date(`${v}T00:00:00.000Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Text that is mostly not text (NUL bytes, control characters, replacement characters) is refused outright. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const odd = text.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd > 16 && odd / text.length > 0.01;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

export interface Row extends Candidate {
  index: number;
  picked: boolean;
  title: string;
  expectedText: string;
  quote: string;
  errors: FieldErrors;
}

export function rowsFrom(candidates: Candidate[]): Row[] {
  return candidates.slice(0, ROWS_MAX).map((c, index) => ({
    ...c,
    index,
    picked: false,
    title: '',
    expectedText: c.phrase,
    quote: c.sentence,
    errors: {},
  }));
}

/**
 * The ticked rows, as edited, each a dated claim linked to the source with its sentence as quote.
 * Fills each row's edits and errors in place (the page shows them again); `errors` holds the
 * form-level ones.
 */
export function pickedClaims(rows: Row[], body: Record<string, unknown>, published: string): { inputs: MilestoneInput[]; errors: FieldErrors } {
  const picks = new Set(list(body.pick).filter((v) => /^\d{1,3}$/.test(v)).map(Number));
  const titles = list(body.rowTitle);
  const expected = list(body.rowExpected);
  const quotes = list(body.rowQuote);
  const errors: FieldErrors = {};
  if (!/^[1-9]\d{0,9}$/.test(String(body.source ?? ''))) errors.source = 'Choose the source the article is: each saved claim links to it.';
  if (picks.size === 0) errors._form = 'Tick at least one sentence to save it as a claim.';
  const inputs: MilestoneInput[] = [];
  for (const row of rows) {
    row.title = titles[row.index] ?? '';
    row.expectedText = expected[row.index]?.trim() || row.phrase;
    row.quote = quotes[row.index]?.trim() || row.sentence;
    row.picked = picks.has(row.index);
    if (!row.picked) continue;
    const input = parseInput(milestoneSchema, {
      title: row.title,
      kind: 'dated',
      source: String(body.source ?? ''),
      claimedOn: published,
      relativeTo: published,
      quote: row.quote,
      expectedText: row.expectedText,
    });
    if (input.ok) inputs.push(input.value);
    else row.errors = input.errors;
  }
  return { inputs, errors };
}
