// Export (JSON, or CSV per entity) and import (dry run, then all-or-nothing).
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Auth } from '../auth/index.ts';
import { setFlash } from '../auth/index.ts';
import {
  ENTITY_LISTS,
  checkboxField,
  choiceField,
  exportWithFactsStream,
  exportCsvStream,
  importWithFacts,
  textField,
  type EntityList,
  type ImportReport,
} from '../content/index.ts';
import { epochSummary, importEpoch, importTimelineJs, timelineJsSummary } from '../datasets/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { IMPORT_LIMIT, formBody, writeContext, type Render } from './admin.http.ts';
import { formParser } from '../../platform/http/form-parser.ts';
import { writeChunks } from '../../platform/streams.ts';

/** Sends a download as it is produced (bounded memory); a failure after the first bytes cuts the response. */
async function streamOut(res: express.Response, chunks: AsyncIterable<string>): Promise<void> {
  try {
    await writeChunks(res, chunks);
    res.end();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy(err as Error);
  }
}

const IMPORT_MAX = 10 * 1024 * 1024; // characters; the body limit (IMPORT_LIMIT) is in bytes

const importForm = z
  .strictObject({
    format: choiceField('format', ['json', 'csv', 'epoch', 'timelinejs'], 'json'),
    entity: textField('kind of records', 20),
    content: textField('file content', IMPORT_MAX, { multiline: true, required: true }),
    mode: choiceField('action', ['dry-run', 'import'], 'dry-run'),
    validOnly: checkboxField('valid rows only'),
  })
  .superRefine((v, ctx) => {
    if (v.format === 'csv' && !(ENTITY_LISTS as readonly string[]).includes(v.entity)) {
      ctx.addIssue({ code: 'custom', path: ['entity'], message: `Say which records the CSV file holds: ${ENTITY_LISTS.join(', ')}.` });
    }
  });

const rawQuery = z.strictObject({
  format: choiceField('format', ['json', 'csv'], 'json'),
  entity: textField('kind of records', 20),
  mode: choiceField('action', ['dry-run', 'import'], 'dry-run'),
});

const entityOptions = ENTITY_LISTS.map((e) => ({ value: e, label: e.charAt(0).toUpperCase() + e.slice(1) }));
const asEntity = (v: string): EntityList | undefined => (ENTITY_LISTS as readonly string[]).includes(v) ? (v as EntityList) : undefined;

/** Rows of the "what would change" table on the page: a 100,000-row file would make a page of megabytes. */
export const ACTIONS_SHOWN = 500;

/** How many of `xs` the page lists beyond the first ACTIONS_SHOWN. */
const notListed = (xs: unknown[]) => Math.max(0, xs.length - ACTIONS_SHOWN);

/** The created and updated records to list (unchanged ones are only counted), at most ACTIONS_SHOWN. */
function actionsShown(r: ImportReport) {
  const changes = r.actions.filter((a) => a.action !== 'unchanged');
  return { rows: changes.slice(0, ACTIONS_SHOWN), more: notListed(changes) };
}

/** An Epoch report's lists, each cut to ACTIONS_SHOWN lines, with how many more each holds. */
function epochShown<T extends { problems: unknown[]; reviews: string[]; changes: string[] }>(r: T) {
  return {
    ...r,
    problems: r.problems.slice(0, ACTIONS_SHOWN),
    reviews: r.reviews.slice(0, ACTIONS_SHOWN),
    changes: r.changes.slice(0, ACTIONS_SHOWN),
    more: { problems: notListed(r.problems), reviews: notListed(r.reviews), changes: notListed(r.changes) },
  };
}

function summary(r: ImportReport): string {
  return `${r.counts.create} to create, ${r.counts.update} to update, ${r.counts.unchanged} unchanged`;
}

export function dataRoutes(r: Router, deps: FeatureDeps & { auth: Auth }, render: Render) {
  const { auth, db } = deps;
  const page = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    title: 'Import and export',
    entities: ENTITY_LISTS.map((e) => ({ name: e, url: `/admin/data/export/${e}.csv` })),
    entityOptions: [{ value: '', label: '(JSON file: all kinds)' }, ...entityOptions],
    formatOptions: [
      { value: 'json', label: 'JSON (a whole export)' },
      { value: 'csv', label: 'CSV (one kind of records, with a header row)' },
      { value: 'epoch', label: 'Epoch AI models table (CSV download)' },
      { value: 'timelinejs', label: 'TimelineJS timeline (JSON; groups not held become tags)' },
    ],
    values,
    errors: {},
    ...extra,
  });

  r.get('/data', auth.requireEditor, (_req, res) => render(res, 'admin/data', page({ format: 'json', entity: '' })));

  r.get('/data/export.json', auth.requireEditor, async (_req, res) => {
    const now = deps.clock();
    res.attachment(`timeline-${now.toISOString().slice(0, 10)}.json`);
    res.type('application/json');
    await streamOut(res, exportWithFactsStream(db, now));
  });

  r.get('/data/export/:entity.csv', auth.requireEditor, async (req, res) => {
    const entity = asEntity(String(req.params.entity));
    if (!entity) throw new NotFoundError(`There is no CSV export of "${String(req.params.entity).slice(0, 30)}".`);
    res.attachment(`timeline-${entity}.csv`);
    res.type('text/csv; charset=utf-8');
    await streamOut(res, exportCsvStream(db, entity));
  });

  r.post('/data/import', auth.requireAdmin, formParser({ limit: IMPORT_LIMIT, parameterLimit: 20 }), auth.csrf, async (req, res) => {
    const values = formBody(req);
    await submitForm(
      importForm,
      values,
      async ({ format, entity, content, mode, validOnly }) => {
        if (format === 'epoch') {
          const epoch = await importEpoch(writeContext(deps, req), content, { dryRun: mode === 'dry-run', validOnly });
          if (epoch.applied) {
            setFlash(req, 'success', `Epoch AI import: ${epochSummary(epoch)}.`);
            return res.redirect(303, '/admin/data');
          }
          const verdict = !epoch.ok
            ? `Nothing was imported: ${epoch.problems.length} problem${epoch.problems.length === 1 ? '' : 's'} to fix first (or tick “valid rows only”).`
            : mode === 'dry-run'
              ? `Dry run: ${epochSummary(epoch)}. Nothing was written yet.`
              : `Nothing to import: ${epochSummary(epoch)}.`;
          return render(res, 'admin/data', page(values, { epoch: epochShown(epoch), verdict, verdictOk: epoch.ok, canImport: epoch.ok && mode === 'dry-run' }), epoch.ok ? 200 : 422);
        }
        if (format === 'timelinejs') {
          const tjs = await importTimelineJs(writeContext(deps, req), content, { dryRun: mode === 'dry-run', fileName: 'TimelineJS file' });
          if (tjs.applied) {
            setFlash(req, 'success', `TimelineJS import: ${timelineJsSummary(tjs)}.`);
            return res.redirect(303, '/admin/data');
          }
          const verdict = !tjs.ok
            ? `Nothing was imported: ${tjs.problems.length} problem${tjs.problems.length === 1 ? '' : 's'} to fix first (rows are slides, the title slide not counted).`
            : mode === 'dry-run'
              ? `Dry run: ${timelineJsSummary(tjs)}. Nothing was written yet.`
              : `Nothing to import: ${timelineJsSummary(tjs)}.`;
          const shown = epochShown({ warnings: tjs.warnings, problems: tjs.problems, reviews: [], changes: [] });
          return render(res, 'admin/data', page(values, { epoch: shown, verdict, verdictOk: tjs.ok, canImport: tjs.ok && mode === 'dry-run' }), tjs.ok ? 200 : 422);
        }
        const result = await importWithFacts(writeContext(deps, req), content, { format, entity: asEntity(entity), dryRun: mode === 'dry-run' });
        if (result.applied) {
          setFlash(req, 'success', `Imported: ${result.counts.create} created, ${result.counts.update} updated, ${result.counts.unchanged} unchanged.`);
          return res.redirect(303, '/admin/data');
        }
        const verdict = !result.ok
          ? `Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} to fix first.`
          : mode === 'dry-run'
            ? `Dry run: every row is valid (${summary(result)}). Nothing was written yet.`
            : 'Nothing to import: every row matches what Timeline already holds.';
        render(res, 'admin/data', page(values, { result, shown: actionsShown(result), verdict, verdictOk: result.ok, canImport: result.ok && mode === 'dry-run' }), result.ok ? 200 : 422);
      },
      (errors, status) => render(res, 'admin/data', page(values, { errors }), status),
    );
  });

  // The same import for scripts: the file as the raw body, options in the query string, a JSON report.
  r.post(
    '/data/import/raw',
    auth.requireAdmin,
    express.text({ type: ['text/csv', 'application/json', 'text/plain'], limit: IMPORT_LIMIT }),
    auth.csrf,
    async (req, res) => {
      const q = parseOrThrow(rawQuery, req.query, 'Some query parameters are not valid.');
      if (typeof req.body !== 'string') throw new ValidationError('Send the file as the body, with Content-Type text/csv or application/json.');
      const result = await importWithFacts(writeContext(deps, req), req.body, { format: q.format, entity: asEntity(q.entity), dryRun: q.mode === 'dry-run' });
      res.status(result.ok ? 200 : 422).json({ data: result });
    },
  );
}
