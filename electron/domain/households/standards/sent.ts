import { z } from 'zod';
import { PovertyStandardSchema, type PovertyStandard } from './schema';

/**
 * Standards the Sở distributes as data (kind povertyStandard), so a new decree needs no software
 * update. A sent standard either covers years no built-in covers (2027–2030 until the app ships
 * Nghị định 351/2025's full text), or replaces a built-in: it then carries the built-in's own id,
 * so every record naming that id is classified by the Sở's version and the stored class stamp
 * (classOf.ts) changes with it.
 */

/** Where one value of the standard was read, as the built-in data files cite theirs. */
export const StandardSourceSchema = z.object({
  value: z.string().min(1).max(500),
  document: z.string().max(300).optional(),
  readOn: z.string().max(1000).optional(),
});
export type StandardSource = z.infer<typeof StandardSourceSchema>;

/** The file the Sở loads (and the data a povertyStandard document carries, minus who loaded it). */
export const SentStandardFileSchema = z.object({
  standard: PovertyStandardSchema,
  /** True to replace the built-in of the same id (for every record naming it). */
  replacesBuiltIn: z.boolean().default(false),
  sources: z.array(StandardSourceSchema).max(50).default([]),
});
export type SentStandardFile = z.infer<typeof SentStandardFileSchema>;

export interface SentStandard {
  standard: PovertyStandard;
  replacesBuiltIn: boolean;
  /** ISO time the Sở loaded it: the newer of two overlapping sent standards wins. */
  importedAt: string;
}

export interface LinesOutOfOrder {
  code: 'STANDARD_LINES_OUT_OF_ORDER';
  params: { area: string; line: string; after: string };
}

export type SentStandardProblem =
  | LinesOutOfOrder
  | { code: 'STANDARD_YEARS_OVERLAP'; params: { standardId: string; otherId: string; from: number; to: number } }
  | { code: 'STANDARD_REPLACES_NOTHING'; params: { standardId: string } }
  | { code: 'STANDARD_SAME_ID_AS_BUILT_IN'; params: { standardId: string } };

/**
 * The lines a standard's bands read must not fall as the bands go on: a band tried later names
 * a line at least as high (floor ≤ poverty ≤ medium). A file with the rural medium line typed
 * below the poverty line would otherwise put every household of the band in the wrong class.
 */
export function linesOutOfOrder(s: PovertyStandard): LinesOutOfOrder | null {
  for (const area of ['rural', 'urban'] as const) {
    const lines = s.lines[area];
    let prevName: string | undefined;
    let prev = 0;
    for (const band of s.rule.bands) {
      const value = lines[band.incomeAtMost] ?? 0;
      if (prevName !== undefined && value < prev) return { code: 'STANDARD_LINES_OUT_OF_ORDER', params: { area, line: band.incomeAtMost, after: prevName } };
      prevName = band.incomeAtMost;
      prev = value;
    }
  }
  return null;
}

const overlaps = (a: PovertyStandard, b: PovertyStandard): boolean => a.reviewYears.from <= b.reviewYears.to && b.reviewYears.from <= a.reviewYears.to;

/**
 * Why a sent standard cannot be used beside the built-ins and the other sent ones (null when
 * it can): its lines out of order; a replacement of a built-in that does not exist; a new id
 * that is a built-in's without saying it replaces it; years that overlap a built-in it does not
 * replace or another sent standard (which year would use which would then be a guess).
 */
export function sentStandardProblem(s: SentStandard, builtIns: readonly PovertyStandard[], otherSent: readonly SentStandard[]): SentStandardProblem | null {
  const order = linesOutOfOrder(s.standard);
  if (order) return order;
  const id = s.standard.id;
  const same = builtIns.find((b) => b.id === id);
  if (s.replacesBuiltIn && !same) return { code: 'STANDARD_REPLACES_NOTHING', params: { standardId: id } };
  if (!s.replacesBuiltIn && same) return { code: 'STANDARD_SAME_ID_AS_BUILT_IN', params: { standardId: id } };
  const clash = [...builtIns.filter((b) => b.id !== id), ...otherSent.map((o) => o.standard).filter((o) => o.id !== id)].find((o) => overlaps(o, s.standard));
  if (clash) {
    return { code: 'STANDARD_YEARS_OVERLAP', params: { standardId: id, otherId: clash.id, from: Math.max(clash.reviewYears.from, s.standard.reviewYears.from), to: Math.min(clash.reviewYears.to, s.standard.reviewYears.to) } };
  }
  return null;
}

/**
 * The standards classification uses: the sent ones that fit (newest first when two would
 * overlap — a store can only hold that if an older app accepted it), then every built-in not
 * replaced. With nothing sent this is `builtIns` itself, so caches keyed by it stay warm.
 */
export function effectiveStandards(builtIns: readonly PovertyStandard[], sent: readonly SentStandard[]): readonly PovertyStandard[] {
  if (sent.length === 0) return builtIns;
  const kept: SentStandard[] = [];
  for (const s of [...sent].sort((a, b) => b.importedAt.localeCompare(a.importedAt))) {
    if (!sentStandardProblem(s, builtIns, kept)) kept.push(s);
  }
  if (kept.length === 0) return builtIns;
  const ids = new Set(kept.map((k) => k.standard.id));
  return [...kept.map((k) => k.standard), ...builtIns.filter((b) => !ids.has(b.id))];
}
