// Form inputs (zod, strict: unexpected fields are refused). The same schemas serve any JSON caller.
import { z } from 'zod';
import { tryParseFuzzyDate } from '../dates/index.ts';
import { OUTCOMES } from './rules.ts';

const csrf = { _csrf: z.string().optional() };
const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, `${label} is too long (at most ${max} characters).`)
    .optional()
    .transform((v) => (v ?? '').trim());
const id = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^(|[1-9]\d{0,9})$/, message)
    .optional()
    .transform((v) => (v ? Number(v) : null));

export const resolveSchema = z
  .object({
    ...csrf,
    outcome: z.enum(OUTCOMES, { error: 'Choose an outcome.' }),
    settledByEventId: id('Choose an event from the list.'),
    note: text(4000, 'The note'),
    replace: z.literal('1', { error: 'Tick the box or leave it empty.' }).optional(),
  })
  .strict();
export type ResolveForm = z.output<typeof resolveSchema>;

const YMD = /^\d{4}-\d{2}-\d{2}$/;

export const rescheduleSchema = z
  .object({
    ...csrf,
    title: text(300, 'The title').pipe(z.string().min(1, 'Give the claim a title.')),
    claim: text(4000, 'The claim'),
    expectedText: text(100, 'The expected date').pipe(
      z.string().transform((v, ctx) => {
        const r = tryParseFuzzyDate(v);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: v ? r.error : 'Say when the new source expects it, e.g. "Q3 2024".' });
          return z.NEVER;
        }
        return r.value;
      }),
    ),
    sourceId: id('Choose the source of the new date.').pipe(z.number({ error: 'Choose the source of the new date.' })),
    claimedOn: text(10, 'The date').pipe(
      z.string().transform((v, ctx) => {
        const d = new Date(`${v}T00:00:00.000Z`);
        if (!YMD.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
          ctx.addIssue({ code: 'custom', message: 'Give the day the source said it, as YYYY-MM-DD.' });
          return z.NEVER;
        }
        return d;
      }),
    ),
    quote: text(1000, 'The quote'),
  })
  .strict();
export type RescheduleForm = z.output<typeof rescheduleSchema>;

export const webhookSchema = z
  .object({
    ...csrf,
    url: text(2000, 'The address').pipe(
      z.string().refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
        } catch {
          return false;
        }
      }, 'Give an http:// or https:// address.'),
    ),
    description: text(200, 'The description'),
    secret: text(200, 'The secret').pipe(
      z.string().refine((v) => v === '' || v.length >= 16, 'Use at least 16 characters, or leave it empty to get a random secret.'),
    ),
  })
  .strict();
export type WebhookForm = z.output<typeof webhookSchema>;
