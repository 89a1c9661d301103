import { anyUnitByCode } from '../../domain/profiles/mapping';
import { lowerUnits } from '../../domain/org';
import type { ServiceOf } from '../../contract/define';
import type { HouseholdMeta, householdOps } from '../../contract/households';
import type { CoreContext } from '../runtime/context';
import { sampleCommunes } from '../../domain/households/communes';
import { readCommuneSheet } from './store/communeSheet';
import { migrateHouseholdCodes } from './store/migrateCodes';
import { importScoreTable, listScoreTables, scoreTableTemplate } from './scoring/tables';
import { householdsXlsx, householdTemplate, summaryView, summaryXlsx } from './store/exports';
import { HouseholdIndex } from './store/householdIndex';
import { publicListView, publicListXlsx } from './store/publicLists';
import { HouseholdSummaryIndex } from './store/summaryIndex';
import { commitImport, parseImport, PendingImports, previewOf, rejectedFile } from './store/importFlow';
import { allCommuneViews, checkIdNumber, defaultYear, householdRecord, ListQueries, officeCommunes } from './store/queries';
import { deleteHousehold, importCommuneEntries, importSampleCommunes, ownCommune, saveCommune, saveHousehold, setCommuneTotals } from './store/writes';
import { standardsOf } from './standards/inStore';
import { importStandardFile, removeStandard, standardsOverview } from './standards/load';
import { importStandardWorkbook, previewStandardWorkbook, standardTemplate } from './standards/fromExcel';

/**
 * The poverty review behind the contract: communes, household records, Excel in and out, the
 * summary. The index over household records is built on first use and then follows the store.
 */
export function createHouseholdService(ctx: CoreContext, summaries: HouseholdSummaryIndex = new HouseholdSummaryIndex(ctx.store)): ServiceOf<typeof householdOps> {
  let index: HouseholdIndex | undefined;
  let queries: ListQueries | undefined;
  const idx = (): HouseholdIndex => (index ??= new HouseholdIndex(ctx.store));
  const q = (): ListQueries => (queries ??= new ListQueries(idx()));
  const pending = new PendingImports();
  // Codes showing an ID number are moved once per session, before the household screens first
  // read (households.meta opens every one of them); later runs find nothing to move.
  let codesChecked: Promise<number> | undefined;
  const migrated = (): Promise<number> => (codesChecked ??= migrateHouseholdCodes(ctx).catch((e: unknown) => {
    codesChecked = undefined;
    throw e;
  }));
  const bytesOf = (base64: string): Uint8Array => Buffer.from(base64, 'base64');
  /** An office sees its own records only; the Sở sees every district's. */
  const scope = <F extends { office?: string }>(filter: F): F => {
    const s = ctx.session();
    return s.role === 'office' ? { ...filter, office: s.office.code } : filter;
  };

  /** The profile's lower units, then offices with records that the profile no longer lists. */
  const unitsOfSo = (c: CoreContext, owners: readonly string[]): Array<{ code: string; name: string }> => {
    const profile = c.profile();
    const listed = lowerUnits(profile).map((u) => ({ code: u.code, name: u.shortName }));
    const known = new Set(listed.map((u) => u.code));
    const former = owners.filter((o) => !known.has(o)).map((code) => ({ code, name: anyUnitByCode(profile, code)?.shortName ?? code }));
    return [...listed, ...former];
  };

  return {
    'households.meta': async (): Promise<HouseholdMeta> => {
      await migrated();
      const s = ctx.session();
      const mine = s.role === 'office';
      const communes = allCommuneViews(ctx, mine ? s.office.code : undefined);
      return {
        role: s.role,
        office: { code: s.office.code, name: s.office.name },
        years: idx().years(),
        defaultYear: defaultYear(ctx.now()),
        standards: [...standardsOf(ctx.store)],
        communes,
        sampleAvailable: mine && communes.length === 0 && (sampleCommunes(s.office.code).length > 0 || ownCommune(ctx, s.office.code).length > 0),
        offices: (mine ? [s.office.code] : idx().owners()).map((code) => ({ code, name: anyUnitByCode(ctx.profile(), code)?.shortName ?? code })),
        units: mine ? [{ code: s.office.code, name: s.office.shortName }] : unitsOfSo(ctx, idx().owners()),
      };
    },

    'households.communes.save': async ({ commune }) => saveCommune(ctx, commune),
    'households.communes.setTotals': async (input) => {
      await setCommuneTotals(ctx, input);
      return allCommuneViews(ctx, ctx.session().office.code);
    },
    'households.communes.importSample': async () => {
      const added = await importSampleCommunes(ctx);
      return { added, communes: allCommuneViews(ctx, ctx.session().office.code) };
    },
    'households.communes.importXlsx': async ({ base64 }) => {
      const entries = await readCommuneSheet(bytesOf(base64));
      const r = await importCommuneEntries(ctx, entries);
      return { ...r, communes: allCommuneViews(ctx, ctx.session().office.code) };
    },

    'households.list': async ({ year, filter, offset, limit, showIds }) => q().page(year, scope(filter), offset, limit, showIds),
    'households.facets': async ({ year }) => q().facets(year),
    'households.get': async ({ id }) => householdRecord(ctx, idx(), id),
    'households.save': async ({ id, household }) => {
      const saved = await saveHousehold(ctx, idx(), id, household);
      return householdRecord(ctx, idx(), saved);
    },
    'households.delete': async ({ id }) => {
      await deleteHousehold(ctx, id);
      return { deleted: true };
    },
    'households.checkId': async ({ idNumber, year, exceptId }) => checkIdNumber(idx(), idNumber, year, exceptId),

    'households.import.preview': async ({ base64, fileName, year }) => {
      const parsed = await parseImport(ctx, idx(), bytesOf(base64), year, fileName);
      const token = pending.add(parsed);
      return previewOf(parsed, token, officeCommunes(ctx, parsed.office).length === 0);
    },
    'households.template': async ({ year }) => householdTemplate(year, standardsOf(ctx.store)),
    'households.import.commit': async ({ token, validOnly }) => commitImport(ctx, pending.get(token), validOnly),
    'households.import.rejected': async ({ token }) => rejectedFile(pending.get(token)),

    'households.scoring.tables': async () => listScoreTables(ctx),
    'households.scoring.importXlsx': async ({ base64, fileName }) => importScoreTable(ctx, bytesOf(base64), fileName),
    'households.scoring.template': async ({ year }) => scoreTableTemplate(year, standardsOf(ctx.store)),

    'households.standards.list': async () => standardsOverview(ctx),
    'households.standards.importJson': async ({ base64, fileName }) => importStandardFile(ctx, bytesOf(base64), fileName),
    'households.standards.template': async ({ standardId }) => standardTemplate(ctx, standardId),
    'households.standards.previewXlsx': async ({ base64 }) => previewStandardWorkbook(ctx, bytesOf(base64)),
    'households.standards.importXlsx': async ({ base64, fileName }) => importStandardWorkbook(ctx, bytesOf(base64), fileName),
    'households.standards.remove': async ({ standardId }) => removeStandard(ctx, standardId),

    'households.summary': async ({ year }) => summaryView(ctx, summaries, year),
    'households.summaryXlsx': async ({ year }) => summaryXlsx(await summaryView(ctx, summaries, year)),
    'households.summaries.rebuild': async () => ({ records: await summaries.rebuild() }),
    'households.exportXlsx': async ({ year, filter }) => householdsXlsx(ctx, idx(), year, filter),
    'households.publicList': async (input) => {
      await migrated();
      return publicListView(ctx, idx(), input);
    },
    'households.publicListXlsx': async (input) => publicListXlsx(publicListView(ctx, idx(), input)),
  };
}
