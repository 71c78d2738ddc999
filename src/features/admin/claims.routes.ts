// /admin/claims/extract: paste an article, read its dated claims, tick and save the chosen ones in one step.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Auth } from '../auth/index.ts';
import { setFlash } from '../auth/index.ts';
import { EXTRACT_LANGUAGES, extractClaims, type Candidate } from '../claims/index.ts';
import { choiceField, createMilestone, milestoneSchema, textField, type MilestoneInput } from '../content/index.ts';
import { parseInput, type FieldErrors } from '../../platform/validation.ts';
import type { FeatureDeps } from '../deps.ts';
import { ValidationError } from '../../platform/errors.ts';
import { choices } from './admin.repo.ts';
import { formBody, writeContext, type Render } from './admin.http.ts';

export const EXTRACT_LIMIT = '1mb';
const TEXT_MAX = 1_000_000; // characters; the body limit is in bytes
const ROWS_MAX = 200;

const readForm = z.object({
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
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const odd = text.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd > 16 && odd / text.length > 0.01;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

interface Row extends Candidate {
  index: number;
  picked: boolean;
  title: string;
  expectedText: string;
  quote: string;
  errors: FieldErrors;
}

function rowsFrom(candidates: Candidate[]): Row[] {
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

export function claimRoutes(r: Router, deps: FeatureDeps & { auth: Auth }, render: Render) {
  const { auth, db } = deps;
  r.use('/claims/extract', express.urlencoded({ extended: false, limit: EXTRACT_LIMIT, parameterLimit: 6 * ROWS_MAX + 20 }));

  const page = async (res: express.Response, data: Record<string, unknown>, status = 200) => {
    const c = await choices(db);
    const selected = String((data.values as Record<string, unknown> | undefined)?.source ?? '');
    render(
      res,
      'admin/claims/extract',
      {
        title: 'Read an article for claims',
        langOptions: EXTRACT_LANGUAGES.map((l) => ({ value: l, label: l === 'fr' ? 'French' : 'English' })),
        sourceOptions: c.sources.map((s) => ({ value: String(s.id), label: `${s.publisher}: ${s.title}`, selected: String(s.id) === selected })),
        ...data,
      },
      status,
    );
  };

  r.get('/claims/extract', auth.requireEditor, async (_req, res) => {
    await page(res, { values: { lang: 'en' } });
  });

  r.post('/claims/extract', auth.requireEditor, auth.csrf, async (req, res) => {
    const body = formBody(req);
    const raw = typeof body.text === 'string' ? body.text : '';
    if (looksBinary(raw)) throw new ValidationError('This is not text: paste the words of the article, not a file’s bytes.', { text: 'Not text.' });
    const parsed = parseInput(readForm, { text: body.text, published: body.published, lang: body.lang, source: body.source });
    const values = { text: raw, published: body.published ?? '', lang: body.lang ?? 'en', source: body.source ?? '' };
    if (!parsed.ok) return page(res, { values, errors: parsed.errors, hasErrors: true }, 422);
    const { text, published, lang } = parsed.value;
    const rows = rowsFrom(extractClaims(text, new Date(`${published}T00:00:00.000Z`), lang));

    if (body.step !== 'save') return page(res, { values, rows, read: true });

    // Save: the ticked rows, as edited, each a dated claim linked to the source with its sentence as quote.
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
    const rowErrors = rows.some((x) => Object.keys(x.errors).length > 0);
    if (Object.keys(errors).length > 0 || rowErrors) {
      return page(res, { values, rows, read: true, errors, hasErrors: true }, 422);
    }
    const ctx = writeContext(deps, req);
    const saved: string[] = [];
    for (const input of inputs) saved.push((await createMilestone(ctx, input)).slug);
    setFlash(req, 'success', `${saved.length} claim${saved.length === 1 ? '' : 's'} saved from the article.`);
    res.redirect(303, '/admin/milestones');
  });
}
