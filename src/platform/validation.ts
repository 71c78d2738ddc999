// From a failed validation to what a form or the API shows: one shape (field -> message), one key
// for problems that belong to no field, one parse helper, one reading of service errors.
import type { z } from 'zod';
import { ConflictError, ValidationError, type FieldErrors } from './errors.ts';

export type { FieldErrors };

/** The key of a problem that belongs to no field (unexpected fields, a conflict). */
export const FORM_ERROR = '_form';

/** Zod issues keyed by their first path segment (first message wins); unknown fields under FORM_ERROR. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ');
      out[FORM_ERROR] ??= `This form does not take the field${issue.keys.length > 1 ? 's' : ''} ${keys}.`;
      continue;
    }
    const key = issue.path.length ? String(issue.path[0]) : FORM_ERROR;
    out[key] ??= issue.message;
  }
  return out;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldErrors(r.error) };
}

/** Parses or throws a ValidationError carrying the field errors (400 from the API, 422 from a form). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message: string): z.output<S> {
  const r = parseInput(schema, input);
  if (!r.ok) throw new ValidationError(message, r.errors);
  return r.value;
}

/**
 * The field errors a service error carries: a ValidationError's fields (its message under
 * FORM_ERROR when it names none), a ConflictError's `details.fields` or its message. Null for
 * anything else, which is not the form's to show.
 */
export function fieldErrorsOf(err: unknown): FieldErrors | null {
  if (err instanceof ValidationError) return Object.keys(err.fields).length ? err.fields : { [FORM_ERROR]: err.message };
  if (err instanceof ConflictError) {
    const fields = (err.details as { fields?: FieldErrors } | undefined)?.fields;
    return fields ?? { [FORM_ERROR]: err.message };
  }
  return null;
}

/** The submitted strings, for refilling a form (never the CSRF token, nor fields named in `omit`). */
export function formValues(body: unknown, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k !== '_csrf' && !omit.includes(k) && typeof v === 'string') out[k] = v.slice(0, 10_000);
    }
  }
  return out;
}
