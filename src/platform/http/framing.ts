import type { RequestHandler } from 'express';

/**
 * Lets other sites frame these responses: `frame-ancestors *` in place of the site-wide 'none',
 * and no X-Frame-Options. Mount it on the embeddable paths only, after helmet.
 */
export const allowFraming: RequestHandler = (_req, res, next) => {
  const csp = res.getHeader('Content-Security-Policy');
  if (typeof csp === 'string') res.setHeader('Content-Security-Policy', csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
  res.removeHeader('X-Frame-Options');
  next();
};
