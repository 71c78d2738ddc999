// A form posted after the editor's session ended is not thrown away: its fields ride through the
// sign-in page (one hidden field) and come back, after sign-in, as a form to send again with a
// fresh CSRF token. Nothing is sent on the editor's behalf: they see it and press the button.
import { z } from 'zod';

/** Larger forms (an import file, a long article) are not kept; the sign-in page says so. */
export const KEPT_FORM_LIMIT = 100 * 1024;

export interface KeptForm {
  /** The admin path the form was posted to. */
  action: string;
  fields: [string, string][];
}

/** Where to go after signing in: only a path inside /admin, never another site. */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!/^\/admin(?:[/?#]|$)/.test(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

/** Never kept: the token (a new one is needed) and anything that looks like a password. */
const dropped = (name: string) => name === '_csrf' || /password/i.test(name);

/** The fields of a posted form, in order, as name/value pairs; null when nothing is worth keeping or it is too large. */
export function keepForm(action: string, body: unknown): { kept: KeptForm | null; tooLarge: boolean } {
  const safe = safeNext(action);
  if (!safe || !body || typeof body !== 'object') return { kept: null, tooLarge: false };
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (dropped(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') fields.push([name, v]);
  }
  if (fields.length === 0) return { kept: null, tooLarge: false };
  const kept = { action: safe, fields };
  return JSON.stringify(kept).length > KEPT_FORM_LIMIT ? { kept: null, tooLarge: true } : { kept, tooLarge: false };
}

const keptShape = z.strictObject({
  action: z.string(),
  fields: z.array(z.tuple([z.string().max(200), z.string()])).max(2000),
});

/** The kept form back from the sign-in page's hidden field; anything malformed is ignored. */
export function readKeptForm(value: unknown): KeptForm | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > KEPT_FORM_LIMIT * 2) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  const r = keptShape.safeParse(parsed);
  if (!r.success) return null;
  const action = safeNext(r.data.action);
  if (!action) return null;
  return { action, fields: r.data.fields.filter(([name]) => !dropped(name)) };
}
