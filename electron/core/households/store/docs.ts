import type { Doc } from '../../../domain/document';
import { fold } from '../../../domain/text';
import { classifyWithBasis, classOfStored, NO_TABLES, storedClass, type ClassBasis, type LoadedTables, type RecordClass } from '../../../domain/households/classOf';
import type { Classification } from '../../../domain/households/classify';
import { communeArea, communeLabel, CommuneSchema, type Commune } from '../../../domain/households/communes';
import { HouseholdSchema, type Household } from '../../../domain/households/household';
import { formatReasonVi, renderVi } from '../../../domain/households/messages';
import { STANDARDS } from '../../../domain/households/standards';
import type { HouseholdClass, PovertyStandard } from '../../../domain/households/standards/schema';

/**
 * How households and communes sit in the store. A household document is one household in one
 * review year, owned by the district office (single writer); its id names office, year and
 * code, so a record is found without a scan and the same household imported twice is updated,
 * never doubled. The class and its reason are computed on every write and kept in the data for
 * readers that do not run the rule (the Sở's tables, other tools) and for the list, stamped with
 * the standard that computed them: a stale stamp is recomputed on read (see domain classOf.ts).
 */

export interface HouseholdDocData extends Household {
  class: HouseholdClass;
  /** Which standard (and version of it), and which score table if one decided, computed `class`; see recordStamp. */
  classStamp: string;
  /** "phieuB" when the Phiếu B score of an official table decided the class, else "income". */
  classBasis: ClassBasis;
  /** "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số" */
  reasonText: string;
  updatedAt: string;
  updatedBy: string;
  [key: string]: unknown;
}

export interface CommuneDocData extends Commune {
  office: string;
  sample: boolean;
  [key: string]: unknown;
}

export function householdDocId(office: string, year: number, code: string): string {
  return `household:${office}:${year}:${code}`;
}

export function communeDocId(office: string, code: string): string {
  return `commune:${office}:${code}`;
}

/** The class of a record by the rule, with its basis (the loaded score tables decide which). */
export function classifyBased(h: Household, tables: LoadedTables = NO_TABLES, standards: readonly PovertyStandard[] = STANDARDS): RecordClass {
  return classifyWithBasis(h, tables, standards);
}

/** "điểm B1 45 (ngưỡng 50); B2 30": why the Phiếu B gave its class; else the income reason. */
export function reasonTextOf(c: RecordClass): string {
  if (c.basis === 'phieuB' && c.phieuB) {
    return renderVi('households:reason.phieuB', { b1: c.phieuB.b1, threshold: c.phieuB.threshold, b2: c.phieuB.b2, deprivations: c.phieuB.deprivations });
  }
  return formatReasonVi(c.income.reason);
}

/**
 * The data of a household document: the record, its class, basis and reason, who wrote it when.
 * `tables`: the score tables loaded here (an official one named by the Phiếu B decides).
 * `income`: the record's income classification when it is at hand already (an import classified
 * every row).
 */
export function householdDocData(
  h: Household,
  by: string,
  at: Date,
  tables: LoadedTables = NO_TABLES,
  income?: Classification,
  /** The folder's standards (standards/inStore.ts: built-ins and the Sở's). */
  standards: readonly PovertyStandard[] = STANDARDS,
): HouseholdDocData {
  const c = classifyWithBasis(h, tables, standards, income);
  return { ...h, ...storedClass(c), reasonText: reasonTextOf(c), updatedAt: at.toISOString(), updatedBy: by };
}

/** The record in a document; undefined when it does not read as one (a newer format). */
export function householdOf(doc: Doc): Household | undefined {
  const parsed = HouseholdSchema.safeParse(doc.data);
  return parsed.success ? parsed.data : undefined;
}

/** The class of a stored record for the list: the cached class while its stamp holds, else the rule. */
export function classOfDoc(data: Record<string, unknown>, tables: LoadedTables = NO_TABLES, standards: readonly PovertyStandard[] = STANDARDS): HouseholdClass | undefined {
  return classOfStored(data, standards, tables);
}

export function communeOf(doc: Doc): (Commune & { office: string; sample: boolean }) | undefined {
  const parsed = CommuneSchema.safeParse(doc.data);
  if (!parsed.success) return undefined;
  return { ...parsed.data, office: String(doc.data['office'] ?? doc.owner), sample: doc.data['sample'] === true };
}

export function communeView(c: Commune & { office: string; sample: boolean }) {
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    label: communeLabel(c),
    area: communeArea(c),
    villages: c.villages.map((v) => v.name),
    office: c.office,
    sample: c.sample,
    totalHouseholds: { ...c.totalHouseholds },
  };
}

/** "Tràng Các" -> "TRANGCAC", unique among `taken`. */
export function communeCodeFor(name: string, taken: ReadonlySet<string>): string {
  const base = fold(name).toUpperCase().replace(/[^A-Z0-9]+/g, '').slice(0, 40) || 'XA';
  let code = base.length >= 2 ? base : `XA${base}`;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  return code;
}

export { maskIdNumber } from '../../../domain/households/idMask';
