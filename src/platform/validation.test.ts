import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { mapPrismaError } from './prisma-errors.ts';
import { FORM_ERROR, fieldErrors, fieldErrorsOf, formValues, parseInput } from './validation.ts';

const schema = z.strictObject({ name: z.string().min(1, 'Enter the name.').max(3, 'Too long.'), age: z.coerce.number('A number.') });

describe('from a failed validation to field errors', () => {
  it('when fields are wrong, then each gets its first message, keyed by name', () => {
    expect(parseInput(schema, { name: '', age: 'x' })).toEqual({ ok: false, errors: { name: 'Enter the name.', age: 'A number.' } });
  });

  it('when a field is not expected, then the form-level key names it', () => {
    const r = schema.safeParse({ name: 'A', age: 1, id: 3 });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({ [FORM_ERROR]: 'This form does not take the field "id".' });
  });

  it('when a service refuses, then validation and conflicts become form errors and anything else does not', () => {
    expect(fieldErrorsOf(new ValidationError('No.', { name: 'Taken.' }))).toEqual({ name: 'Taken.' });
    expect(fieldErrorsOf(new ValidationError('Nothing fits.'))).toEqual({ [FORM_ERROR]: 'Nothing fits.' });
    expect(fieldErrorsOf(new ConflictError('Revised meanwhile.'))).toEqual({ [FORM_ERROR]: 'Revised meanwhile.' });
    expect(fieldErrorsOf(new ConflictError('Slug taken.', { fields: { slug: 'Slug taken.' } }))).toEqual({ slug: 'Slug taken.' });
    expect(fieldErrorsOf(new NotFoundError('Gone.'))).toBeNull();
    expect(fieldErrorsOf(new Error('boom'))).toBeNull();
  });

  it('when a form is refilled, then the CSRF token, omitted fields and non-text values stay out', () => {
    expect(formValues({ _csrf: 't', name: 'A', password: 'p', tags: ['a'] }, ['password'])).toEqual({ name: 'A' });
  });
});

describe('Prisma write errors', () => {
  it('when a known code comes back, then the caller’s AppError answers; other errors pass unchanged', () => {
    const taken = mapPrismaError({ code: 'P2002' }, { unique: () => new ConflictError('Taken.') });
    expect(taken).toBeInstanceOf(ConflictError);
    const gone = { code: 'P2025' };
    expect(mapPrismaError(gone, { unique: () => new ConflictError('Taken.') })).toBe(gone);
    const other = new Error('disk full');
    expect(mapPrismaError(other, { unique: () => new ConflictError('Taken.') })).toBe(other);
  });
});
