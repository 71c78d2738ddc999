import { Router, type Request } from 'express';
import type { Db } from '../../platform/db.ts';
import { idFromParam } from '../../platform/http/params.ts';
import { ValidationError } from '../../platform/errors.ts';
import { changesAtom, publicChanges } from './changes.service.ts';

const PAGE = 50;

export function changesRoutes({ db, publicUrl }: { db: Db; publicUrl: string | undefined }): Router {
  const r = Router();
  r.get('/changes', async (req, res) => {
    const raw = req.query.before;
    let before: number | undefined;
    if (raw !== undefined) {
      if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) throw new ValidationError('"before" is the number of a change, from a "Older changes" link.', { before: 'Not a change number.' });
      before = idFromParam(raw, 'change');
    }
    const page = await publicChanges(db, before, PAGE);
    res.render('changes/index', {
      title: 'Change log',
      description: 'Every addition, correction and removal in Timeline’s data, field by field, newest first.',
      ...page,
      isContinuation: before !== undefined,
    });
  });
  r.get('/changes/feed.atom', async (req: Request, res) => {
    const base = publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.set('Content-Type', 'application/atom+xml; charset=utf-8').send(await changesAtom(db, base));
  });
  return r;
}
