import type { Request, RequestHandler, Response } from 'express';
import etag from 'etag';

interface Entry {
  version: number;
  /** Encoded once, so a hit does not re-encode the page. */
  body: Buffer;
  etag: string;
  type: string;
}

export interface RenderCacheOptions {
  /** The current content version (see content-version.ts); a change empties the cache. */
  version: () => Promise<number>;
  maxEntries?: number;
  /**
   * Null while reads may see uncommitted rows (SQLite: a transaction open on the one connection,
   * such as an import's), else a value that changes when a transaction starts. A page is kept
   * only when the mark was the same non-null value before and after it was made, so a page that
   * showed an import's rows before that import failed is never served again.
   */
  transactionMark?: () => number | null;
}

/**
 * Caches the bodies of successful GET responses per URL, tagged with the content version they
 * were rendered at. A hit costs one small query (the version) instead of the page's queries and
 * its render, and answers 304 when the client's ETag still matches.
 */
export function createRenderCache(opts: RenderCacheOptions): RequestHandler {
  const max = opts.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();
  const markOf = opts.transactionMark ?? (() => 0);

  function remember(key: string, entry: Entry) {
    if (entries.size >= max) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(key, entry);
  }

  const middleware: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const version = await opts.version();
    const key = req.originalUrl;
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      res.setHeader('X-Render-Cache', 'hit');
      sendCached(req, res, hit);
      return;
    }
    if (hit) entries.delete(key);
    res.setHeader('X-Render-Cache', 'miss');
    const mark = markOf();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const committedOnly = mark !== null && markOf() === mark;
      if (res.statusCode === 200 && typeof body === 'string' && !res.getHeader('Set-Cookie') && committedOnly) {
        const type = String(res.getHeader('Content-Type') ?? 'text/html; charset=utf-8');
        const tag = etag(body, { weak: true });
        remember(key, { version, body: Buffer.from(body), etag: tag, type });
        res.setHeader('ETag', tag);
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
