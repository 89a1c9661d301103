import { vnDay } from '../../../domain/calendar';
import { dayVi, isAfter } from '../../../domain/households/mediumRequest';
import type { CommuneInput, CommuneView } from '../../../contract/households';
import { CommuneInputSchema, CommuneTotalsInputSchema, type CommuneTotalsInput } from '../../../contract/households';
import { AppError } from '../../../domain/errors';
import type { CoreContext } from '../../runtime/context';
import { fold } from '../../../domain/text';
import type { LocalChange } from '../../store/store';
import { CommuneIndex, CommuneSchema, sampleCommunes, type Commune, type Village } from '../../../domain/households/communes';
import { canonicalEthnicity, type Household } from '../../../domain/households/household';
import type { CommuneSheetEntry } from './communeSheet';
import { villageKindOf } from './communeSheet';
import { communeCodeFor, communeDocId, communeView, householdDocData, householdDocId } from './docs';
import type { HouseholdIndex } from './householdIndex';
import { codeResolver } from './codes';
import { officeCommunes } from './queries';
import { scorePhieuB } from '../../../domain/households/scoring/score';
import { standardById, standardForYear } from '../../../domain/households/standards';
import type { PhieuB } from '../../../domain/households/household';
import { ScoreTables } from '../scoring/loaded';
import { standardsOf } from '../standards/inStore';

/** Writes of household records and of the office's commune list. One store.write each. */

export function requireOffice(ctx: CoreContext): { office: string; by: string } {
  const s = ctx.session();
  if (s.role !== 'office') throw new AppError('OFFICE_ONLY', 'households:errors.OFFICE_ONLY');
  return { office: s.office.code, by: s.officerName };
}

export async function saveHousehold(ctx: CoreContext, index: HouseholdIndex, id: string | undefined, given: Household): Promise<string> {
  const { office, by } = requireOffice(ctx);
  // The review year decides the standard — the folder's, so one the Sở sent for that year
  // counts — not the id the window sent (it may predate the Sở's standard, or be none).
  const input = { ...given, standardId: standardForYear(given.reviewYear, standardsOf(ctx.store)).id };
  // A blank code: the one this record already has, else one with no personal data in it.
  const kept = id !== undefined ? index.get(id)?.code : undefined;
  const code = input.code.trim() || kept || codeResolver(index, office)(input.communeCode, input.reviewYear, input.idNumber);
  const h: Household = { ...input, code, ethnicity: canonicalEthnicity(input.ethnicity), ...(input.phieuB ? { phieuB: scoredPhieuB(ctx, input) } : {}) };
  // A Giấy đề nghị cannot have been received after today (Vietnam's day): a mistyped year, as the import refuses.
  const today = vnDay(ctx.now());
  if (h.mediumRequest && isAfter(h.mediumRequest.receivedOn, today)) {
    throw new AppError('MEDIUM_REQUEST_FUTURE', 'households:errors.MEDIUM_REQUEST_FUTURE', { day: dayVi(h.mediumRequest.receivedOn) });
  }
  // The commune must be in the office's list (when it keeps one); looked up by id, not parsed.
  const known = ctx.store.get(communeDocId(office, h.communeCode));
  if ((!known || known.deleted) && ctx.store.list('commune').some((d) => d.owner === office)) {
    throw new AppError('COMMUNE_UNKNOWN', 'households:errors.COMMUNE_UNKNOWN', { value: h.communeCode });
  }
  const newId = householdDocId(office, h.reviewYear, h.code);
  if (id !== undefined) {
    const old = ctx.store.get(id);
    if (!old || old.kind !== 'household' || old.deleted) throw new AppError('NOT_FOUND', 'households:errors.NOT_FOUND');
    if (old.owner !== office) throw new AppError('NOT_OWNER', 'households:errors.NOT_OWNER');
  }
  const clash = ctx.store.get(newId);
  if (newId !== id && clash && !clash.deleted) {
    throw new AppError('DUPLICATE_CODE', 'households:errors.DUPLICATE_CODE', { code: h.code, year: h.reviewYear });
  }
  const twin = index.withIdNumber(h.reviewYear, h.idNumber).find((e) => e.id !== id && e.id !== newId);
  if (twin) {
    throw new AppError('DUPLICATE_ID', 'households:errors.DUPLICATE_ID', { idNumber: h.idNumber, code: twin.code, name: String(twin.d['headName'] ?? '') });
  }
  const changes: LocalChange[] = [{ id: newId, kind: 'household', owner: office, data: householdDocData(h, by, ctx.now(), ScoreTables.of(ctx.store).get(), undefined, standardsOf(ctx.store)) }];
  // A changed code or year moves the record: the old document is deleted in the same write.
  const old = id !== undefined && id !== newId ? ctx.store.getAs('household', id) : undefined;
  if (old) changes.push({ id: old.id, kind: 'household', owner: office, data: old.data, deleted: true });
  await ctx.store.write(changes);
  return newId;
}

/** The record's Phiếu B with the scores its table gives now (what was sent in is not trusted). */
function scoredPhieuB(ctx: CoreContext, h: Household): PhieuB | undefined {
  const p = h.phieuB;
  if (!p) return undefined;
  const doc = ctx.store.getAs('scoreTable', p.table);
  if (!doc || doc.deleted) throw new AppError('SCORE_TABLE_UNKNOWN', 'households:errors.SCORE_TABLE_UNKNOWN', { tableId: p.table });
  const answers = Object.fromEntries(Object.entries(p.answers).filter(([, a]) => a !== ''));
  const s = scorePhieuB({ area: h.area, answers, deprived: h.deprived, deprivedCount: h.deprivedCount }, doc.data.table, standardById(h.standardId, standardsOf(ctx.store)));
  return { table: p.table, answers, b1: s.b1, b2: s.b2, ...(s.class ? { class: s.class } : {}) };
}

export async function deleteHousehold(ctx: CoreContext, id: string): Promise<void> {
  const { office } = requireOffice(ctx);
  const doc = ctx.store.getAs('household', id);
  if (!doc || doc.deleted) throw new AppError('NOT_FOUND', 'households:errors.NOT_FOUND');
  if (doc.owner !== office) throw new AppError('NOT_OWNER', 'households:errors.NOT_OWNER');
  await ctx.store.write([{ id, kind: 'household', owner: office, data: doc.data, deleted: true }]);
}

function villagesOf(names: readonly string[], existing: readonly Village[] = []): Village[] {
  const out: Village[] = [];
  const taken = new Set<string>();
  for (const name of names) {
    const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!clean || out.some((v) => fold(v.name) === fold(clean))) continue;
    const known = existing.find((v) => fold(v.name) === fold(clean));
    const code = known?.code ?? communeCodeFor(clean, taken);
    taken.add(code);
    out.push({ code, name: clean, kind: known?.kind ?? villageKindOf(clean) });
  }
  return out;
}

function communeChange(office: string, c: Commune, sample: boolean): LocalChange {
  return { id: communeDocId(office, c.code), kind: 'commune', owner: office, data: { ...CommuneSchema.parse(c), office, sample } };
}

export async function saveCommune(ctx: CoreContext, raw: CommuneInput): Promise<CommuneView> {
  const { office } = requireOffice(ctx);
  const input = CommuneInputSchema.parse(raw);
  const current = officeCommunes(ctx, office);
  const existing = input.code ? current.find((c) => c.code === input.code) : undefined;
  if (input.code && !existing) throw new AppError('NOT_FOUND', 'households:errors.NOT_FOUND');
  const sameName = current.find((c) => c !== existing && c.kind === input.kind && fold(c.name) === fold(input.name));
  if (sameName) throw new AppError('COMMUNE_EXISTS', 'households:errors.COMMUNE_EXISTS', { name: input.name });
  const code = existing?.code ?? communeCodeFor(input.name, new Set(current.map((c) => c.code)));
  const commune: Commune = {
    code,
    name: input.name,
    kind: input.kind,
    aliases: existing?.aliases ?? [],
    villages: villagesOf(input.villages, existing?.villages),
    totalHouseholds: existing?.totalHouseholds ?? {},
    ...(existing?.officialCode ? { officialCode: existing.officialCode } : {}),
  };
  await ctx.store.write([communeChange(office, commune, false)]);
  return communeView({ ...commune, office, sample: false });
}

/**
 * Sets (or clears, with null) the total households of communes in one year: the base of the
 * poverty rates. One write for the whole set; unknown commune codes are refused.
 */
export async function setCommuneTotals(ctx: CoreContext, raw: CommuneTotalsInput): Promise<void> {
  const { office } = requireOffice(ctx);
  const input = CommuneTotalsInputSchema.parse(raw);
  const current = officeCommunes(ctx, office);
  const changes: LocalChange[] = [];
  for (const t of input.totals) {
    const c = current.find((x) => x.code === t.code);
    if (!c) throw new AppError('COMMUNE_UNKNOWN', 'households:errors.COMMUNE_UNKNOWN', { value: t.code });
    const totals = { ...c.totalHouseholds };
    if (t.households === null) delete totals[String(input.year)];
    else totals[String(input.year)] = t.households;
    changes.push(communeChange(office, { ...c, totalHouseholds: totals }, c.sample));
  }
  await ctx.store.write(changes);
}

/** Adds the sample communes the app ships for this office that the office does not have. */
export async function importSampleCommunes(ctx: CoreContext): Promise<number> {
  const { office } = requireOffice(ctx);
  const have = new Set(officeCommunes(ctx, office).map((c) => c.code));
  const missing = [...sampleCommunes(office), ...ownCommune(ctx, office)].filter((c) => !have.has(c.code));
  if (missing.length > 0) await ctx.store.write(missing.map((c) => communeChange(office, c, true)));
  return missing.length;
}

/**
 * A commune or ward that reports on its own (the 2025 tree) is its own list: one entry, named
 * and coded as the profile cites it; its villages are the office's to add.
 */
export function ownCommune(ctx: CoreContext, office: string): Commune[] {
  const unit = ctx.unit(office);
  if (!unit || unit.type !== 'commune' || !unit.kind || !unit.place) return [];
  return [CommuneSchema.parse({ code: unit.code, name: unit.place, kind: unit.kind, ...(unit.officialCode ? { officialCode: unit.officialCode } : {}), aliases: unit.aliases })];
}

/** Communes read from a sheet: new ones added, known ones (by name) get the sheet's villages. */
export async function importCommuneEntries(ctx: CoreContext, entries: readonly CommuneSheetEntry[]): Promise<{ added: number; updated: number }> {
  const { office } = requireOffice(ctx);
  if (entries.length === 0) throw new AppError('COMMUNE_SHEET_EMPTY', 'households:errors.COMMUNE_SHEET_EMPTY');
  const current = officeCommunes(ctx, office);
  const index = new CommuneIndex(current);
  const taken = new Set(current.map((c) => c.code));
  const changes: LocalChange[] = [];
  let added = 0;
  let updated = 0;
  for (const e of entries) {
    const known = index.find(e.name) ?? index.find(`${e.kind === 'xa' ? 'xã' : e.kind === 'phuong' ? 'phường' : 'thị trấn'} ${e.name}`);
    if (known) {
      const villages = villagesOf([...known.villages.map((v) => v.name), ...e.villages], known.villages);
      changes.push(communeChange(office, { ...known, villages }, false));
      updated++;
    } else {
      const code = communeCodeFor(e.name, taken);
      taken.add(code);
      changes.push(communeChange(office, { code, name: e.name, kind: e.kind, aliases: [], villages: villagesOf(e.villages), totalHouseholds: {} }, false));
      added++;
    }
  }
  await ctx.store.write(changes);
  return { added, updated };
}
