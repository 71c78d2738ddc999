import { NotFoundError } from '../errors.ts';

/**
 * A database id taken from a URL: a positive integer, or a page that does not exist (404),
 * never a query with a malformed value. `what` names the thing in the message ("source").
 */
export function idFromParam(raw: string, what: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new NotFoundError(`No ${what} "${raw.slice(0, 40)}".`);
  return Number(raw);
}
