import nd07 from './nd07-2021.json' with { type: 'json' };
import qd59 from './qd59-2015.json' with { type: 'json' };
import { householdError } from '../errors';
import { PovertyStandardSchema, type PovertyStandard } from './schema';

export * from './schema';

/**
 * Standards shipped with the app, validated at load so a bad data file fails loudly.
 * nd07-2021 is the one in force for the 2022-2025 reviews; qd59-2015 is the previous one,
 * kept as history and as proof that a differently shaped rule needs no code.
 */
export const STANDARDS: readonly PovertyStandard[] = [PovertyStandardSchema.parse(nd07), PovertyStandardSchema.parse(qd59)];

export const ND07_2021: PovertyStandard = STANDARDS[0] as PovertyStandard;

export function standardById(id: string, standards: readonly PovertyStandard[] = STANDARDS): PovertyStandard {
  const found = standards.find((s) => s.id === id);
  if (!found) throw householdError('HOUSEHOLD_STANDARD_UNKNOWN', { standardId: id });
  return found;
}

/** Id of the standard a review year uses by default, or undefined when none covers it. */
export function standardIdForYear(year: number, standards: readonly PovertyStandard[] = STANDARDS): string | undefined {
  return standards.find((s) => year >= s.reviewYears.from && year <= s.reviewYears.to)?.id;
}

/** The standard a review year uses (2022-2025 -> nd07-2021). */
export function standardForYear(year: number, standards: readonly PovertyStandard[] = STANDARDS): PovertyStandard {
  const id = standardIdForYear(year, standards);
  if (id === undefined) throw householdError('HOUSEHOLD_NO_STANDARD_FOR_YEAR', { year });
  return standardById(id, standards);
}

/**
 * Years the app offers for a review: 2021 (the last year of Quyết định 59/2015) to 2030 (the
 * end of Nghị định 351/2025's period). A year without a shipped standard (2027-2030: the
 * decree's medium band and full indicator list were not found) is still offered; the Sở
 * distributes its standard, and until then the screens say none is loaded.
 */
export const REVIEW_YEARS = { from: 2021, to: 2030 } as const;

export function reviewYearRange(): number[] {
  const out: number[] = [];
  for (let y = REVIEW_YEARS.from; y <= REVIEW_YEARS.to; y++) out.push(y);
  return out;
}

export * from './sent';
export * from './citations';
export * from './overview';
