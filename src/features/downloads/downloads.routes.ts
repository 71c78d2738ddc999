import { Router, type Request, type Response } from 'express';
import type { Db } from '../../platform/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { DownloadFiles } from './download-files.ts';
import { csvDownload, DATA_LICENCE, dataStamp, downloadList, isEntityList, jsonDownload, timelineJsDownload, type DataStamp } from './downloads.service.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * /downloads and its files. Each file answers with an ETag made from the content version (304
 * when unchanged), a `Link: rel="license"` to the licence, and a dated file name.
 */
export function downloadsRoutes({ db, clock }: { db: Db; clock: () => Date }): Router {
  const r = Router();
  r.get('/downloads', async (_req, res) => {
    const stamp = await dataStamp(db, clock());
    res.render('downloads/index', {
      title: 'Download the data',
      description: 'The current Timeline data as JSON and as one CSV file per entity, with its licence.',
      files: downloadList(),
      licence: DATA_LICENCE,
      date: day(stamp.changedAt),
      version: stamp.version,
    });
  });
  const files = new DownloadFiles();
  const send = async (req: Request, res: Response, name: string, type: string, body: (s: DataStamp) => AsyncIterable<string>) => {
    const stamp = await dataStamp(db, clock());
    res.setHeader('ETag', `W/"data-${stamp.version}-${name}"`);
    res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
    res.setHeader('Link', '</downloads#licence>; rel="license"');
    res.setHeader('Content-Disposition', `attachment; filename="timeline-${day(stamp.changedAt)}-${name}"`);
    res.type(type);
    if (req.fresh) return res.status(304).end();
    const file = await files.file(name, stamp.version, () => body(stamp));
    await new Promise<void>((resolve, reject) => res.sendFile(file, { lastModified: false }, (err) => (err && !res.headersSent ? reject(err) : resolve())));
  };
  r.get('/downloads/timeline.json', (req, res) => send(req, res, 'timeline.json', 'application/json; charset=utf-8', (s) => jsonDownload(db, s)));
  r.get('/downloads/timelinejs.json', (req, res) => send(req, res, 'timelinejs.json', 'application/json; charset=utf-8', (s) => timelineJsDownload(db, s)));
  r.get('/downloads/:entity.csv', (req, res) => {
    const entity = String(req.params.entity);
    if (!isEntityList(entity)) throw new NotFoundError(`There is no download “${entity}.csv”: see /downloads.`);
    return send(req, res, `${entity}.csv`, 'text/csv; charset=utf-8', () => csvDownload(db, entity));
  });
  return r;
}
