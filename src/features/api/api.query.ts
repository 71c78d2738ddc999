import { z } from 'zod';

export const sourcesQuery = z.object({
  cursor: z
    .string({ error: 'Give "cursor" once.' })
    .regex(/^[1-9]\d{0,9}$/, 'The cursor is damaged: start again from the first page.')
    .optional(),
  limit: z.coerce
    .number({ error: 'The limit is a whole number from 1 to 100.' })
    .int('The limit is a whole number from 1 to 100.')
    .min(1, 'The limit is a whole number from 1 to 100.')
    .max(100, 'The limit is a whole number from 1 to 100.')
    .optional(),
});
