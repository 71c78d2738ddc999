import express, { type RequestHandler } from 'express';

const RAW = Symbol('raw form body');

/**
 * express.urlencoded for HTML forms, except that a `__proto__` field is kept (as a plain own
 * property) instead of being dropped silently, so that strict schemas refuse it like any other
 * field they do not know.
 */
export function formParser(opts: { limit: string; parameterLimit: number }): RequestHandler {
  const parse = express.urlencoded({
    extended: false,
    ...opts,
    verify: (req, _res, buf) => {
      if (/proto/i.test(buf.toString('latin1'))) (req as unknown as Record<symbol, string>)[RAW] = buf.toString('utf8');
    },
  });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const raw = (req as unknown as Record<symbol, string | undefined>)[RAW];
      if (raw !== undefined && req.body && typeof req.body === 'object') {
        const values = new URLSearchParams(raw).getAll('__proto__');
        if (values.length > 0) {
          Object.defineProperty(req.body, '__proto__', { value: values.length === 1 ? values[0] : values, enumerable: true, configurable: true, writable: true });
        }
      }
      next();
    });
}
