import { z } from 'zod';

/**
 * A poverty standard (chuẩn nghèo) as data: lines per area, the indicator list and the rule.
 * Standards change by decree (Nghị định 07/2021/NĐ-CP, amended 2025), so a new one is a new
 * data file, never new code. Amounts are đồng per person per month.
 */

export const HOUSEHOLD_CLASSES = ['poor', 'nearPoor', 'medium', 'above'] as const;
export const HouseholdClassSchema = z.enum(HOUSEHOLD_CLASSES);
export type HouseholdClass = z.infer<typeof HouseholdClassSchema>;

export const AreaSchema = z.enum(['rural', 'urban']);
export type Area = z.infer<typeof AreaSchema>;

const CodeSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/);
const AmountSchema = z.number().int().positive();

export const IndicatorSchema = z.object({
  /** Stable code stored in household records; never renamed once data uses it. */
  code: CodeSchema,
  name: z.string().min(1),
  /** Other header texts offices use for this indicator's column in Excel. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ServiceSchema = z.object({
  code: CodeSchema,
  name: z.string().min(1),
  indicators: z.array(IndicatorSchema).min(1),
});
export type Service = z.infer<typeof ServiceSchema>;

/**
 * Named income lines of one area. `poverty` is the chuẩn nghèo line and `medium` the upper
 * bound of the medium living standard; a standard may name more (e.g. an income floor below
 * which a household is poor whatever its deprivations, as in 2016-2020).
 */
export const AreaLinesSchema = z
  .object({ poverty: AmountSchema, medium: AmountSchema })
  .catchall(AmountSchema);
export type AreaLines = z.infer<typeof AreaLinesSchema>;

/**
 * One band of the rule. Bands are tried in order; the first whose conditions all hold gives
 * the class, and a household matching none is 'above'. `incomeAtMost` names a line of the
 * household's area; the deprivation bounds are inclusive.
 */
export const RuleBandSchema = z.object({
  class: z.enum(['poor', 'nearPoor', 'medium']),
  incomeAtMost: z.string().min(1),
  minDeprivations: z.number().int().nonnegative().optional(),
  maxDeprivations: z.number().int().nonnegative().optional(),
});
export type RuleBand = z.infer<typeof RuleBandSchema>;

export const PovertyStandardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
    title: z.string().min(1),
    legalBasis: z.string().min(1),
    /** Review years that use this standard by default (inclusive). */
    reviewYears: z.object({ from: z.number().int().min(2000), to: z.number().int().max(2100) }),
    /** Free text on where the data came from and how sure we are of it. */
    note: z.string().optional(),
    lines: z.object({ rural: AreaLinesSchema, urban: AreaLinesSchema }),
    rule: z.object({ bands: z.array(RuleBandSchema).min(1) }),
    services: z.array(ServiceSchema).min(1),
  })
  // Each rule's issue carries `params.rule` (and what it names), so a reader of another file
  // shape (the Excel workbook) can point at the cell without repeating the rule.
  .superRefine((s, ctx) => {
    if (s.reviewYears.from > s.reviewYears.to) {
      ctx.addIssue({ code: 'custom', path: ['reviewYears'], message: 'from after to', params: { rule: 'yearsReversed' } });
    }
    const codes = s.services.flatMap((sv) => sv.indicators.map((i) => i.code));
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: ['services'], message: `indicator ${c} twice`, params: { rule: 'duplicateIndicator', code: c } });
      seen.add(c);
    }
    for (const area of ['rural', 'urban'] as const) {
      const lines = s.lines[area];
      if (lines.medium <= lines.poverty) {
        ctx.addIssue({ code: 'custom', path: ['lines', area], message: 'medium must exceed poverty', params: { rule: 'mediumNotAbove', area } });
      }
      s.rule.bands.forEach((b, i) => {
        if (lines[b.incomeAtMost] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['rule', 'bands', i], message: `no line ${b.incomeAtMost} for ${area}`, params: { rule: 'bandLineMissing', line: b.incomeAtMost, area } });
        }
      });
    }
    s.rule.bands.forEach((b, i) => {
      if (b.minDeprivations !== undefined && b.minDeprivations > codes.length) {
        ctx.addIssue({ code: 'custom', path: ['rule', 'bands', i], message: 'more deprivations than indicators', params: { rule: 'tooManyDeprivations', indicators: codes.length } });
      }
    });
  });
export type PovertyStandard = z.infer<typeof PovertyStandardSchema>;

/** Indicators of a standard in form order (service by service). */
export function indicatorsOf(standard: PovertyStandard): Indicator[] {
  return standard.services.flatMap((s) => s.indicators);
}
