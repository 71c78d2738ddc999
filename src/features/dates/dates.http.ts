// GET /api/v1/dates: how Timeline reads an expected date, for any client (and the admin preview's twin).
import type { Request } from 'express';
import { AppError } from '../../platform/errors.ts';
import { ACCEPTED_CLAIM_FORMS, likelihoodText, tryParseClaimDate, type ClaimDate } from './claim-date.ts';

class DateTextError extends AppError {
  override readonly status = 400;
  override readonly code = 'invalid_date';
  override readonly expose = true;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The JSON form of a reading: ISO instants, end exclusive, null where open. */
export function claimDateJson(c: ClaimDate) {
  return {
    text: c.text,
    shape: c.shape,
    start: iso(c.start),
    end: iso(c.end),
    precision: c.precision,
    label: c.label,
    relativeTo: c.relativeTo ? c.relativeTo.toISOString().slice(0, 10) : null,
    likelihood: c.likelihood ? { low: c.likelihood.low, high: c.likelihood.high, text: c.likelihood.text, label: likelihoodText(c.likelihood) } : null,
    hedge: c.hedge,
    offset: c.offset,
  };
}

function refuse(message: string, field: string, needsSaidDate = false): never {
  throw new DateTextError(message, { fields: { [field]: message }, acceptedForms: ACCEPTED_CLAIM_FORMS, needsSaidDate });
}

function day(value: unknown): Date | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) refuse('Give "relativeTo" once, as YYYY-MM-DD: the day the words were said.', 'relativeTo');
  const d = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) refuse(`"${value}" is not a day: use YYYY-MM-DD.`, 'relativeTo');
  return d;
}

/** GET /api/v1/dates?text=…&relativeTo=YYYY-MM-DD: the reading, or a DateTextError listing the accepted forms. */
export function readClaimDateQuery(query: Request['query']): ClaimDate {
  const text = query.text;
  if (typeof text !== 'string') refuse(`Give "text" once: the expected date as it was said. Accepted forms: ${ACCEPTED_CLAIM_FORMS.join(', ')}.`, 'text');
  const r = tryParseClaimDate(text, { relativeTo: day(query.relativeTo) });
  if (!r.ok) refuse(r.error, r.needsSaidDate ? 'relativeTo' : 'text', r.needsSaidDate);
  return r.value;
}
