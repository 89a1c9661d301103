import type { FileOut } from '../../../contract/tasks';
import type { ScoreTableView } from '../../../contract/households';
import { AppError } from '../../../domain/errors';
import { tableFitsStandard, type ScoreTable } from '../../../domain/households/scoring/schema';
import { STANDARDS, standardById, standardForYear, type PovertyStandard } from '../../../domain/households/standards';
import type { CoreContext } from '../../runtime/context';
import { readScoreTableWorkbook, scoreTableWorkbook } from './workbook';
import { standardsOf } from '../standards/inStore';

/**
 * Phiếu B score tables in the store (kind scoreTable). The Sở's reach every office in bundles;
 * an office may load one itself while the Sở has sent none. Reading them needs no role.
 */

export function scoreTableDocId(owner: string, tableId: string): string {
  return `scoreTable:${owner}:${tableId}`;
}

export function listScoreTables(ctx: CoreContext): ScoreTableView[] {
  const mine = ctx.session().office.code;
  return ctx.store
    .listAs('scoreTable')
    .filter((d) => !d.deleted)
    .map((d) => ({
      docId: d.id,
      owner: d.owner,
      ownerName: ctx.unit(d.owner)?.shortName ?? d.owner,
      fromSo: d.owner !== mine || ctx.session().role === 'so',
      fileName: d.data.fileName,
      importedAt: d.data.importedAt,
      importedBy: d.data.importedBy,
      table: d.data.table,
    }))
    .sort((a, b) => Number(b.fromSo) - Number(a.fromSo) || b.table.years.from - a.table.years.from || a.table.id.localeCompare(b.table.id));
}

/** Reads, checks against its standard, and stores a table; loading the same id again replaces it. */
export async function importScoreTable(ctx: CoreContext, bytes: Uint8Array, fileName: string): Promise<ScoreTableView> {
  const table: ScoreTable = await readScoreTableWorkbook(bytes);
  const standard = standardById(table.standardId, standardsOf(ctx.store));
  const misfit = tableFitsStandard(table, standard);
  if (misfit.length > 0) throw new AppError('SCORE_TABLE_MISFIT', 'households:errors.SCORE_TABLE_MISFIT', { tableId: table.id, standardId: standard.id, what: misfit.join(', ') });
  const s = ctx.session();
  const owner = s.office.code;
  const id = scoreTableDocId(owner, table.id);
  await ctx.store.write([{ id, kind: 'scoreTable', owner, data: { table, fileName: fileName.slice(0, 255), importedAt: ctx.now().toISOString(), importedBy: s.officerName } }]);
  const view = listScoreTables(ctx).find((v) => v.docId === id);
  if (!view) throw new AppError('SCORE_TABLE_UNKNOWN', 'households:errors.SCORE_TABLE_UNKNOWN', { tableId: table.id });
  return view;
}

/** The blank template for a review year's standard: the lines to give scores for are filled in. */
export async function scoreTableTemplate(year: number, standards: readonly PovertyStandard[] = STANDARDS): Promise<FileOut> {
  const standard = standardForYear(year, standards);
  const buffer = await scoreTableWorkbook({ standard, years: { from: year, to: standard.reviewYears.to } });
  return {
    fileName: `mau-bang-diem-phieu-B_${standard.id}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
    personalData: false,
  };
}
