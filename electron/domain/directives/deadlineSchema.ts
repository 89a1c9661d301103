import { z } from 'zod';

/** A calendar day 'YYYY-MM-DD' (validated: 2022-02-30 is refused). */
export const IsoDateSchema = z.iso.date();

/**
 * A task's deadline: a day, "ongoing" (thường xuyên, tiếp tục, định kỳ...), or none.
 * `text` keeps the words of the notice so the officer sees what the date was read from.
 */
export const DeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: IsoDateSchema, text: z.string() }),
  z.object({ kind: z.literal('ongoing'), text: z.string() }),
  /** A duty that comes back every period: "trước ngày 28 hằng tháng", "6 tháng (trước 15/7)". */
  z.object({
    kind: z.literal('recurring'),
    every: z.enum(['month', 'quarter', 'half', 'year']),
    day: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    text: z.string(),
  }),
  z.object({ kind: z.literal('none') }),
]);
export type Deadline = z.infer<typeof DeadlineSchema>;
