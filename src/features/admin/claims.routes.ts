// /admin/claims/extract: paste an article, read its dated claims, tick and save the chosen ones in one step.
import express, { type Router } from 'express';
import type { Auth } from '../auth/index.ts';
import { setFlash } from '../auth/index.ts';
import { EXTRACT_LANGUAGES, extractClaims } from '../claims/index.ts';
import { createMilestones } from '../content/index.ts';
import { parseInput } from '../../platform/validation.ts';
import type { FeatureDeps } from '../deps.ts';
import { choices } from './admin.repo.ts';
import { sourceChooser } from './admin.forms.ts';
import { formBody, writeContext, type Render } from './admin.http.ts';
import { EXTRACT_LIMIT, looksBinary, pickedClaims, readForm, ROWS_MAX, rowsFrom } from './claims.form.ts';

export function claimRoutes(r: Router, deps: FeatureDeps & { auth: Auth }, render: Render) {
  const { auth, db } = deps;
  r.use('/claims/extract', express.urlencoded({ extended: false, limit: EXTRACT_LIMIT, parameterLimit: 6 * ROWS_MAX + 20 }));

  const page = async (res: express.Response, data: Record<string, unknown>, status = 200) => {
    const selected = String((data.values as Record<string, unknown> | undefined)?.source ?? '');
    const c = await choices(db, { sources: [selected] });
    const errors = (data.errors ?? {}) as Record<string, string | undefined>;
    render(
      res,
      'admin/claims/extract',
      {
        title: 'Read an article for claims',
        langOptions: EXTRACT_LANGUAGES.map((l) => ({ value: l, label: l === 'fr' ? 'French' : 'English' })),
        source: sourceChooser(
          { name: 'source', label: 'Source (the article)', blank: '(choose when saving)', hint: 'The claims you save link to it, with their sentence as the quote.', error: errors.source || false },
          c.sources,
          selected,
        ),
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
    const values = { text: raw, published: body.published ?? '', lang: body.lang ?? 'en', source: body.source ?? '' };
    // Bytes that are not text are a malformed request (400), not a field to correct (422); the
    // other fields are kept, the bytes are not echoed back.
    if (looksBinary(raw)) {
      const message = 'This is not text: paste the words of the article, not a file’s bytes.';
      return page(res, { values: { ...values, text: '' }, errors: { text: message }, hasErrors: true }, 400);
    }
    const parsed = parseInput(readForm, { text: body.text, published: body.published, lang: body.lang, source: body.source });
    if (!parsed.ok) return page(res, { values, errors: parsed.errors, hasErrors: true }, 422);
    const { text, published, lang } = parsed.value;
    const rows = rowsFrom(extractClaims(text, new Date(`${published}T00:00:00.000Z`), lang));

    if (body.step !== 'save') return page(res, { values, rows, read: true });

    const { inputs, errors } = pickedClaims(rows, body, published);
    if (Object.keys(errors).length > 0 || rows.some((x) => Object.keys(x.errors).length > 0)) {
      return page(res, { values, rows, read: true, errors, hasErrors: true }, 422);
    }
    const ctx = writeContext(deps, req);
    // All the ticked claims, or none: one transaction.
    const saved = await createMilestones(ctx, inputs);
    setFlash(req, 'success', `${saved.length} claim${saved.length === 1 ? '' : 's'} saved from the article.`);
    res.redirect(303, '/admin/milestones');
  });
}
