import { householdError } from '../errors';
import { indicatorsOf, type Area, type HouseholdClass, type PovertyStandard } from '../standards/schema';
import type { ScoreTable } from './schema';

/** A filled Phiếu B: the answer chosen for each B1 question (by code) and the deprivations (B2). */
export interface PhieuBInput {
  area: Area;
  /** Question code -> answer code; unanswered questions are absent or ''. */
  answers: Readonly<Record<string, string>>;
  /** Indicator codes of the standard the household lacks. */
  deprived: readonly string[];
  /** Count-only deprivations (imported lists): the larger of it and `deprived` counts. */
  deprivedCount?: number | undefined;
}

export interface PhieuBScore {
  b1: number;
  b2: number;
  deprivations: number;
  /** Questions still unanswered, in form order: no class until this is empty. */
  unanswered: string[];
  /** The class the standard's rule gives with B1 in place of income; undefined while unanswered. */
  class: HouseholdClass | undefined;
  /** The band of the rule that matched (-1: above every line). */
  band: number;
  /** The B1 threshold of the band's line (the poverty line's when above). */
  threshold: number;
}

/** B1: base score of the area plus the points of each chosen answer. Throws on an unknown answer. */
export function scoreB1(table: ScoreTable, area: Area, answers: Readonly<Record<string, string>>): { b1: number; unanswered: string[] } {
  let b1 = table.baseScore[area];
  const unanswered: string[] = [];
  for (const q of table.questions) {
    const chosen = answers[q.code];
    if (chosen === undefined || chosen === '') {
      unanswered.push(q.code);
      continue;
    }
    const answer = q.answers.find((a) => a.code === chosen);
    if (!answer) throw householdError('HOUSEHOLD_ANSWER_UNKNOWN', { question: q.code, answer: chosen, tableId: table.id });
    b1 += answer.score[area];
  }
  // Scores with decimals add up to float noise (0.1 + 0.2); tables print at most 2 decimals.
  return { b1: Math.round(b1 * 100) / 100, unanswered };
}

/**
 * Scores a filled Phiếu B and classifies it by the standard's rule, B1 standing for income:
 * a band "income at most line L" holds when B1 ≤ thresholds[area][L]; the deprivation bounds
 * are the rule's own (B2 = points × count, so "≥ 3 indicators" is "B2 ≥ 3 × points").
 */
export function scorePhieuB(input: PhieuBInput, table: ScoreTable, standard: PovertyStandard): PhieuBScore {
  if (table.standardId !== standard.id) {
    throw householdError('HOUSEHOLD_STANDARD_MISMATCH', { expected: table.standardId, given: standard.id });
  }
  const known = new Set(indicatorsOf(standard).map((i) => i.code));
  const deprived = new Set(input.deprived);
  for (const code of deprived) {
    if (!known.has(code)) throw householdError('HOUSEHOLD_INDICATOR_UNKNOWN', { code, standardId: standard.id });
  }
  const { b1, unanswered } = scoreB1(table, input.area, input.answers);
  const count = Math.max(deprived.size, input.deprivedCount ?? 0);
  const b2 = Math.round(count * table.pointsPerIndicator * 100) / 100;
  const th = table.thresholds[input.area];
  const povertyThreshold = th['poverty'] ?? Math.min(...Object.values(th));
  const base = { b1, b2, deprivations: count, unanswered };
  if (unanswered.length > 0) return { ...base, class: undefined, band: -1, threshold: povertyThreshold };

  const bands = standard.rule.bands;
  const index = bands.findIndex((b) => {
    const limit = th[b.incomeAtMost];
    return (
      limit !== undefined &&
      b1 <= limit &&
      (b.minDeprivations === undefined || count >= b.minDeprivations) &&
      (b.maxDeprivations === undefined || count <= b.maxDeprivations)
    );
  });
  const band = bands[index];
  if (!band) return { ...base, class: 'above', band: -1, threshold: povertyThreshold };
  return { ...base, class: band.class, band: index, threshold: th[band.incomeAtMost] ?? povertyThreshold };
}

/** Tables usable for a review year and standard, newest first ("2025" -> tables covering 2025). */
export function tablesForYear(tables: readonly ScoreTable[], year: number, standardId: string): ScoreTable[] {
  return tables.filter((t) => t.standardId === standardId && year >= t.years.from && year <= t.years.to).sort((a, b) => b.years.from - a.years.from);
}
