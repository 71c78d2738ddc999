// The one way from a failed validation to a form (see docs/decisions/0006-one-validation-path.md).
import type { z } from 'zod';
import { fieldErrorsOf, parseInput, type FieldErrors } from '../validation.ts';

/** Renders the form again with the errors beside its fields and what was typed; `status` is 422. */
export type ShowForm = (errors: FieldErrors, status: 422) => unknown;

/**
 * Runs `write`; a ValidationError or ConflictError it throws re-renders the form through `show`
 * (422). Anything else goes on to the error handler.
 */
export async function writeOrShow(write: () => Promise<unknown>, show: ShowForm): Promise<void> {
  try {
    await write();
  } catch (err) {
    const errors = fieldErrorsOf(err);
    if (!errors) throw err;
    await show(errors, 422);
  }
}

/** Parses `input` with `schema`, then as writeOrShow; a parse failure re-renders the form too. */
export async function submitForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  write: (value: z.output<S>) => Promise<unknown>,
  show: ShowForm,
): Promise<void> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) {
    await show(parsed.errors, 422);
    return;
  }
  await writeOrShow(() => write(parsed.value), show);
}
