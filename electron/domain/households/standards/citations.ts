import { z } from 'zod';
import nd07 from './nd07-2021.json' with { type: 'json' };
import qd59 from './qd59-2015.json' with { type: 'json' };
import nd351 from './nd351-2025.known.json' with { type: 'json' };
import { StandardSourceSchema, type StandardSource } from './sent';

/**
 * What the shipped data files say about themselves beyond the rule: where each value was read
 * (`sources`), what was not checked (`unverified`), and for a decree whose standard cannot be
 * loaded yet, what is known and what is missing. The standards page shows all of it, so an
 * officer sees which parts of a year's standard rest on what.
 */

const CitedSchema = z.object({
  id: z.string(),
  sources: z.array(StandardSourceSchema).default([]),
  /** In Vietnamese, like the data it qualifies: the standards page shows it as written. */
  unverified: z.array(z.string()).default([]),
  /**
   * Years the standard applies by another text than its own (2026 by Nghị định 351/2025, 2021
   * by Nghị định 07/2021): the sentence the page shows for that year, cited in `sources`;
   * `textEn` is the same sentence for the English interface (a sentence, not a name to keep).
   */
  yearNotes: z.array(z.object({ year: z.number().int(), text: z.string().min(1), textEn: z.string().min(1), document: z.string() })).default([]),
});

export interface YearNote {
  year: number;
  text: string;
  textEn: string;
  document: string;
}

export interface BuiltInCitation {
  sources: StandardSource[];
  unverified: string[];
  yearNotes: YearNote[];
}

export const BUILT_IN_CITATIONS: ReadonlyMap<string, BuiltInCitation> = new Map(
  [nd07, qd59].map((raw) => {
    const c = CitedSchema.parse(raw);
    return [c.id, { sources: c.sources, unverified: c.unverified, yearNotes: c.yearNotes }] as const;
  }),
);

/** Parts a decree defines that the app does not hold: the UI names them, never fills them. */
export const MissingPartSchema = z.enum(['medium', 'indicators', 'lines']);
export type MissingPart = z.infer<typeof MissingPartSchema>;

export const KnownStandardSchema = z.object({
  id: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  reviewYears: z.object({ from: z.number().int(), to: z.number().int() }),
  known: z.array(z.object({ what: z.string(), value: z.number().int().positive().optional() })),
  missing: z.array(MissingPartSchema).min(1),
  sources: z.array(StandardSourceSchema).min(1),
});
export type KnownStandard = z.infer<typeof KnownStandardSchema>;

/** Decrees in force for years no shipped standard covers, with what could be cited of them. */
export const KNOWN_NOT_LOADED: readonly KnownStandard[] = [KnownStandardSchema.parse(nd351)];
