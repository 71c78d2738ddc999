import type { RequestHandler } from 'express';

/**
 * A GET form submits every field, filled or not ("?organization=&subject=&q=llama"). Such a URL
 * is redirected (301) to the same one without its empty parameters, so shared links and cache
 * keys stay short and one page has one address.
 */
export const dropEmptyParams: RequestHandler = (req, res, next) => {
  // The JSON API keeps answering such URLs itself ('' means absent): clients need not follow redirects.
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/')) return next();
  const at = req.originalUrl.indexOf('?');
  if (at < 0) return next();
  const params = new URLSearchParams(req.originalUrl.slice(at + 1));
  let dropped = false;
  for (const key of [...new Set(params.keys())]) {
    const kept = params.getAll(key).filter((v) => v !== '');
    if (kept.length === params.getAll(key).length) continue;
    dropped = true;
    params.delete(key);
    for (const v of kept) params.append(key, v);
  }
  if (!dropped) return next();
  const rest = params.toString();
  // Leading slashes collapsed: "//host/?a=" must not become a redirect to another site.
  const path = req.originalUrl.slice(0, at).replace(/^[/\\]+/, '/');
  res.redirect(301, `${path}${rest ? `?${rest}` : ''}`);
};
