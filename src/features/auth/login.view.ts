// The sign-in page, shared by the sign-in routes and the guard that meets an ended session.
import type { Response } from 'express';
import type { FieldErrors } from '../../platform/errors.ts';
import type { KeptForm } from './kept-form.ts';

export interface LoginView {
  values?: { email?: string };
  errors?: FieldErrors;
  problem?: string;
  next?: string;
  /** A form posted after the session ended, carried through the sign-in (kept-form.ts). */
  kept?: KeptForm | null;
  keptTooLarge?: boolean;
}

export function renderLogin(res: Response, status: number, view: LoginView): void {
  const { kept, ...rest } = view;
  res.status(status).render('auth/login', {
    layout: 'admin',
    title: 'Sign in',
    values: {},
    errors: {},
    ...rest,
    keptJson: kept ? JSON.stringify(kept) : '',
    keptCount: kept?.fields.length ?? 0,
  });
}

