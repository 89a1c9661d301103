import { z } from 'zod';
import { IndicatorIdSchema } from './form';

/**
 * A year's target (chỉ tiêu kế hoạch giao) for one office and indicator, entered by the Sở.
 * Targets are yearly: a six-month figure is compared with the whole year's target, which is
 * how the sector reports progress ("đạt 52% kế hoạch năm").
 */
export const TargetSchema = z.strictObject({
  office: z.string().min(1).max(64),
  indicatorId: IndicatorIdSchema,
  year: z.number().int().min(1900).max(2999),
  value: z.number(),
});
export type Target = z.infer<typeof TargetSchema>;

/** One office's targets for a year by indicator id: what the form shows and rules read. */
export function targetsFor(targets: readonly Target[], office: string, year: number): Record<string, number> {
  const out: Record<string, number> = {};
  // Later entries win, so a corrected target given after the first one takes effect.
  for (const t of targets) if (t.office === office && t.year === year) out[t.indicatorId] = t.value;
  return out;
}
