import { z } from 'zod';
import { PASSWORD_MAX, ROLES } from './auth.policy.ts';
import { passwordProblem } from './password.ts';

/** Stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const email = z
  .string({ error: 'Enter an email address.' })
  .transform(normalizeEmail)
  .pipe(
    z
      .email({ error: 'Enter an email address such as name@example.com.' })
      .max(254, 'An email address has at most 254 characters.'),
  );

const role = z.enum(ROLES, { error: 'Choose a role: admin or editor.' });

const typedPassword = (message: string) =>
  z.string({ error: message }).min(1, message).max(PASSWORD_MAX * 4, 'This is too long to be a password.');

export const loginSchema = z
  .object({
    email: z
      .string({ error: 'Enter your email address.' })
      .transform(normalizeEmail)
      .pipe(z.string().min(1, 'Enter your email address.').max(254, 'An email address has at most 254 characters.')),
    password: typedPassword('Enter your password.'),
    /** Checked by safeNext(): a bad value is ignored, not an error. */
    next: z.unknown().optional(),
  })
  .strict();

export const newUserSchema = z
  .object({
    email,
    name: z.string().trim().max(100, 'Use at most 100 characters.').default(''),
    role,
    password: z.string({ error: 'Choose a password.' }),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      const problem = passwordProblem(v.password, String(v.email ?? ''));
      if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    },
    // Also when another field is wrong, so that every mistake shows at once.
    { when: (p) => typeof (p.value as { password?: unknown } | null)?.password === 'string' },
  );

export type NewUserInput = z.input<typeof newUserSchema>;
export type NewUser = z.output<typeof newUserSchema>;

export const roleChangeSchema = z.object({ role }).strict();

/** The new password's rules need the account's email: the service applies them. */
export const passwordChangeSchema = z
  .object({
    currentPassword: typedPassword('Enter your current password.'),
    newPassword: z.string({ error: 'Choose a new password.' }),
    confirmPassword: z.string({ error: 'Type the new password again.' }),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords are not the same.',
    when: (p) => {
      const v = p.value as { newPassword?: unknown; confirmPassword?: unknown } | null;
      return typeof v?.newPassword === 'string' && typeof v?.confirmPassword === 'string';
    },
  });

/** A user id in a URL; anything else is a page that does not exist. */
export const userIdParam = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);
