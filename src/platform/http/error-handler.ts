import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db.ts';
import { AppError, NotFoundError, ServiceUnavailableError, ValidationError } from '../errors.ts';
import type { Logger } from '../logger.ts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`Nothing lives at ${req.path}.`));
};

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/**
 * One error answer for the whole app: JSON for the API and clients that prefer it, an HTML page
 * otherwise. Unexpected errors are logged and shown without details; the template failing
 * falls back to plain escaped text.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (raw: unknown, req, res, _next) => {
    const unavailable = isDatabaseUnavailable(raw);
    const err = unavailable ? new ServiceUnavailableError('The database is not answering right now. Please try again in a moment.') : raw;
    let status = 500;
    let code = 'internal_error';
    let message = 'Something went wrong on our side. Please try again in a moment.';
    let details: unknown;
    if (err instanceof AppError) {
      status = err.status;
      code = err.code;
      if (err.expose) {
        message = err.message;
        details = err.details;
      }
    } else if (err && typeof err === 'object') {
      // Errors from Express and body-parser carry a 4xx status meant for the client.
      const e = err as HttpishError;
      const s = e.status ?? e.statusCode;
      if (typeof s === 'number' && s >= 400 && s < 500) {
        status = s;
        code = e.type ?? 'bad_request';
        message = e.expose && e.message ? e.message : 'The request could not be understood.';
      }
    }
    const wantsJson = req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
    // A form the page could not re-render itself: still 422, as for every refused form.
    if (err instanceof ValidationError && !wantsJson && req.method === 'POST') status = 422;
    if (unavailable) (req.log ?? logger).warn({ err: raw }, 'database unavailable');
    else if (status >= 500) (req.log ?? logger).error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(status);
    if (unavailable) res.setHeader('Retry-After', '5');
    if (wantsJson) {
      res.json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
      return;
    }
    const view = status === 404 ? 'errors/404' : status >= 500 ? 'errors/500' : 'errors/400';
    res.render(view, { title: status === 404 ? 'Not found' : 'Error', status, message, details }, (renderErr, html) => {
      if (renderErr) {
        logger.error({ err: renderErr }, 'error template failed');
        res.type('text/plain').send(escapeHtml(message));
        return;
      }
      res.send(html);
    });
  };
}
