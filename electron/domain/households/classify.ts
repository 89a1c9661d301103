import { householdError } from './errors';
import { indicatorsOf, type Area, type HouseholdClass, type PovertyStandard, type RuleBand } from './standards/schema';

/** What classification needs; a full Household fits. Income may be absent in a draft. */
export interface ClassifyInput {
  area: Area;
  incomePerPerson: number | null | undefined;
  deprived: readonly string[];
  /** A count-only deprivation figure (imported lists): the larger of it and `deprived` counts. */
  deprivedCount?: number | undefined;
  /** When given, must name the standard passed in: classifying by the wrong one is a bug. */
  standardId?: string;
}

export type ReasonKey =
  | 'households:reason.withDeprivations'
  | 'households:reason.between'
  | 'households:reason.atMost'
  | 'households:reason.above';

/**
 * Why a household got its class, as a message key and numbers; `formatReasonVi` renders
 * "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số". `count` is the number of
 * deprivations (named so i18next picks the plural form).
 */
export interface ClassificationReason {
  key: ReasonKey;
  params: { income: number; limit: number; lower?: number; count: number };
}

export interface Classification {
  class: HouseholdClass;
  deprivations: number;
  /** The area's poverty line (chuẩn nghèo) under the standard. */
  line: number;
  /** Index of the rule band that matched, or -1 for 'above'. */
  band: number;
  standardId: string;
  reason: ClassificationReason;
}

const knownCache = new WeakMap<PovertyStandard, ReadonlySet<string>>();

/** Indicator codes of a standard, computed once per standard object (summaries classify 50k rows). */
function knownCodes(standard: PovertyStandard): ReadonlySet<string> {
  let known = knownCache.get(standard);
  if (!known) {
    known = new Set(indicatorsOf(standard).map((i) => i.code));
    knownCache.set(standard, known);
  }
  return known;
}

export function classifyHousehold(h: ClassifyInput, standard: PovertyStandard): Classification {
  if (h.standardId !== undefined && h.standardId !== standard.id) {
    throw householdError('HOUSEHOLD_STANDARD_MISMATCH', { expected: h.standardId, given: standard.id });
  }
  const income = h.incomePerPerson;
  if (income === undefined || income === null) throw householdError('HOUSEHOLD_INCOME_MISSING');
  if (!Number.isFinite(income) || income < 0) throw householdError('HOUSEHOLD_INCOME_INVALID', { value: String(income) });

  const known = knownCodes(standard);
  const deprived = new Set(h.deprived);
  for (const code of deprived) {
    if (!known.has(code)) throw householdError('HOUSEHOLD_INDICATOR_UNKNOWN', { code, standardId: standard.id });
  }
  const count = Math.max(deprived.size, h.deprivedCount ?? 0);
  const lines = standard.lines[h.area];
  const limitOf = (b: RuleBand): number => lines[b.incomeAtMost] ?? 0; // the schema guarantees the line exists
  const bands = standard.rule.bands;
  const base = { deprivations: count, line: lines.poverty, standardId: standard.id };

  const index = bands.findIndex(
    (b) =>
      income <= limitOf(b) &&
      (b.minDeprivations === undefined || count >= b.minDeprivations) &&
      (b.maxDeprivations === undefined || count <= b.maxDeprivations),
  );
  const band = bands[index];
  if (!band) {
    const limit = Math.max(...bands.map(limitOf));
    return { ...base, class: 'above', band: -1, reason: { key: 'households:reason.above', params: { income, limit, count } } };
  }
  const limit = limitOf(band);
  if (band.class !== 'medium') {
    return { ...base, class: band.class, band: index, reason: { key: 'households:reason.withDeprivations', params: { income, limit, count } } };
  }
  // Medium has no deprivation test; its reason names the band it sits in.
  const below = bands.filter((b) => b.class !== 'medium').map(limitOf).filter((l) => l < limit);
  const lower = below.length > 0 ? Math.max(...below) : undefined;
  const reason: ClassificationReason =
    lower !== undefined && income > lower
      ? { key: 'households:reason.between', params: { income, lower, limit, count } }
      : { key: 'households:reason.atMost', params: { income, limit, count } };
  return { ...base, class: 'medium', band: index, reason };
}

export { formatReasonVi } from './messages';
export { formatNumberVi, formatVnd, parseNumberVi } from '../numbers';
