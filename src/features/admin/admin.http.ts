// Small HTTP helpers shared by the admin handlers.
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { AppError } from '../../platform/errors.ts';
import { projectRoot } from '../../platform/paths.ts';
import { currentUserId } from '../auth/index.ts';
import type { WriteContext } from '../content/index.ts';
import type { FeatureDeps } from '../deps.ts';
import { idFromParam } from '../../platform/http/params.ts';

export const FORM_LIMIT = '100kb';
export const IMPORT_LIMIT = '10mb';

export class PayloadTooLargeError extends AppError {
  override readonly status = 413;
  override readonly code = 'payload_too_large';
  override readonly expose = true;
}

/** The submitted fields, without the CSRF token; own keys only (`__proto__` stays a plain key). */
export function formBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== '_csrf'));
}

export function idParam(req: Request): number {
  return idFromParam(String(req.params.id ?? ''), 'record');
}

export function writeContext(deps: FeatureDeps, req: Request): WriteContext {
  return { db: deps.db, now: deps.clock(), userId: currentUserId(req) };
}

// Partials used only by admin pages live beside them, in views/admin/partials.
const partialsDir = path.join(projectRoot, 'views', 'admin', 'partials');
function loadPartials(): Record<string, string> {
  if (!fs.existsSync(partialsDir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(partialsDir)
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => [`admin/${f.slice(0, -4)}`, fs.readFileSync(path.join(partialsDir, f), 'utf8')]),
  );
}

export function renderer(deps: FeatureDeps) {
  const cached = loadPartials();
  return (res: Response, view: string, data: Record<string, unknown>, status = 200) => {
    const partials = deps.config.env === 'development' ? loadPartials() : cached;
    res.status(status).render(view, { layout: 'admin', ...data, partials: { ...partials } });
  };
}
export type Render = ReturnType<typeof renderer>;
