import type { Request, RequestHandler, Response } from 'express';
import etag from 'etag';
import { createVersionedCache, type VersionedCacheOptions } from '../versioned-cache.ts';

interface Entry {
  /** Encoded once, so a hit does not re-encode the page. */
  body: Buffer;
  etag: string;
  type: string;
}

export type RenderCacheOptions = VersionedCacheOptions;

/**
 * Caches the bodies of successful GET responses per URL, tagged with the content version they
 * were rendered at. A hit costs one small query (the version) instead of the page's queries and
 * its render, and answers 304 when the client's ETag still matches.
 */
export function createRenderCache(opts: RenderCacheOptions): RequestHandler {
  const cache = createVersionedCache<Entry>(opts);

  const middleware: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const slot = await cache.open(req.originalUrl);
    if (slot.hit) {
      res.setHeader('X-Render-Cache', 'hit');
      sendCached(req, res, slot.hit);
      return;
    }
    res.setHeader('X-Render-Cache', 'miss');
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string' && !res.getHeader('Set-Cookie')) {
        const type = String(res.getHeader('Content-Type') ?? 'text/html; charset=utf-8');
        const tag = etag(body, { weak: true });
        if (slot.keep({ body: Buffer.from(body), etag: tag, type })) res.setHeader('ETag', tag);
      }
      return send(body);
    };
    next();
  };

  return middleware;
}

function sendCached(req: Request, res: Response, e: Entry) {
  res.setHeader('Content-Type', e.type);
  res.setHeader('ETag', e.etag);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.status(200).send(e.body);
}
