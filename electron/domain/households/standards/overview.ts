import { KNOWN_NOT_LOADED, BUILT_IN_CITATIONS, type KnownStandard, type MissingPart, type YearNote } from './citations';
import type { StandardSource } from './sent';
import type { PovertyStandard } from './schema';

/**
 * Which standard each review year uses, and on what it rests: a built-in (with the pages its
 * values were read on), one the Sở sent (with when), or none loaded — then what the decree in
 * force is known to say and which parts are missing, so the page says it instead of guessing.
 */

export interface SentInfo {
  standardId: string;
  replacesBuiltIn: boolean;
  importedAt: string;
  importedBy: string;
  ownerName: string;
  fileName: string;
  sources: StandardSource[];
}

export type YearStandard =
  | {
      year: number;
      status: 'builtIn';
      standard: PovertyStandard;
      sources: StandardSource[];
      unverified: string[];
      /** Why this year uses the standard when another text than its own says so (e.g. 2026). */
      yearNote?: YearNote | undefined;
    }
  | { year: number; status: 'fromSo'; standard: PovertyStandard; sent: SentInfo; sources: StandardSource[] }
  | { year: number; status: 'notLoaded'; known: KnownStandard; missing: MissingPart[] }
  | { year: number; status: 'none' };

export function yearStandards(
  years: readonly number[],
  effective: readonly PovertyStandard[],
  sent: readonly SentInfo[],
  known: readonly KnownStandard[] = KNOWN_NOT_LOADED,
): YearStandard[] {
  return years.map((year): YearStandard => {
    const standard = effective.find((s) => year >= s.reviewYears.from && year <= s.reviewYears.to);
    if (standard) {
      const fromSo = sent.find((s) => s.standardId === standard.id);
      if (fromSo) return { year, status: 'fromSo', standard, sent: fromSo, sources: fromSo.sources };
      const cited = BUILT_IN_CITATIONS.get(standard.id);
      return { year, status: 'builtIn', standard, sources: cited?.sources ?? [], unverified: cited?.unverified ?? [], yearNote: cited?.yearNotes.find((n) => n.year === year) };
    }
    const k = known.find((s) => year >= s.reviewYears.from && year <= s.reviewYears.to);
    return k ? { year, status: 'notLoaded', known: k, missing: k.missing } : { year, status: 'none' };
  });
}
