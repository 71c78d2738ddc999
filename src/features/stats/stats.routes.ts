import { Router } from 'express';
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { DATASETS, datasetCsv, statsPage, type Dataset } from './stats.service.ts';

export function statsRoutes({ db }: { db: Db }): Router {
  const r = Router();
  r.get('/stats', async (_req, res) => {
    res.render('stats/index', {
      title: 'Statistics',
      description: 'Charts of the AI industry timeline: entries per organization per quarter, claims by outcome over time, and each source’s record, with their data as tables and CSV.',
      ...(await statsPage(db)),
    });
  });
  r.get('/stats/:dataset.csv', async (req, res) => {
    const dataset = req.params.dataset;
    if (!(DATASETS as readonly string[]).includes(dataset)) throw new NotFoundError(`No dataset "${dataset.slice(0, 40)}". Try one of: ${DATASETS.join(', ')}.`);
    res
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Content-Disposition', `inline; filename="timeline-${dataset}.csv"`)
      .send(await datasetCsv(db, dataset as Dataset));
  });
  return r;
}
