import type { RequestHandler } from 'express';

const SITE_DESCRIPTION =
  'An open record of the AI industry: sourced events with honest fuzzy dates, and claims about its future scored against what happened.';

/**
 * res.locals for the share tags of public pages: `canonical` is the page's address without
 * paging (`cursor`), absolute when the public URL is configured; otherwise relative, since a
 * cached page must not carry whatever Host header its first request sent. Only the home page and
 * the embed keep their query (the filters make a different page); elsewhere the path alone.
 */
export function canonicalLocals(publicUrl: string | undefined): RequestHandler {
  return (req, res, next) => {
    let query = '';
    if (req.path === '/' || req.path === '/embed') {
      const at = req.originalUrl.indexOf('?');
      const params = new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
      params.delete('cursor');
      query = params.size ? `?${params.toString()}` : '';
    }
    res.locals.canonical = `${publicUrl ?? ''}${req.path}${query}`;
    res.locals.canonicalAbsolute = Boolean(publicUrl);
    res.locals.siteDescription = SITE_DESCRIPTION;
    if (req.path === '/' || /^\/(organizations|subjects)\/[^/]+$/.test(req.path)) {
      res.locals.oembed = `${publicUrl ?? ''}/oembed?format=json&url=${encodeURIComponent(res.locals.canonical)}`;
    }
    next();
  };
}
