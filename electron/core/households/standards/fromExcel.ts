import type { StandardPreview, StandardsOverview } from '../../../contract/households';
import type { FileOut } from '../../../contract/tasks';
import { AppError } from '../../../domain/errors';
import { BUILT_IN_CITATIONS, STANDARDS, standardIdForYear, type SentStandardFile } from '../../../domain/households/standards';
import { vnYear } from '../../../domain/calendar';
import type { CoreContext } from '../../runtime/context';
import { standardsOf } from './inStore';
import { checkSentFile, requireSo, standardDocId, storeSentFile } from './load';
import { standardWorkbook } from './workbook';
import { readStandardWorkbook } from './workbookRead';

/**
 * The Excel path of the standards page: the workbook of an existing standard to edit (the one
 * of the current review year unless another is named), what a filled workbook says before
 * anything is stored, and storing it. Reading is workbookRead.ts; the checks beside the other
 * standards are the JSON path's own (checkSentFile), so both formats refuse the same files.
 */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The standard a template starts from, as a file: its citations and whether it replaces a built-in. */
function templateFile(ctx: CoreContext, standardId: string | undefined): SentStandardFile {
  const effective = standardsOf(ctx.store);
  const year = vnYear(ctx.now());
  // This year's standard; in a year none covers (2027 before the Sở loads one), the latest before it.
  const id =
    standardId ??
    standardIdForYear(year, effective) ??
    [...effective].filter((s) => s.reviewYears.from <= year).sort((a, b) => b.reviewYears.to - a.reviewYears.to)[0]?.id ??
    STANDARDS[0]?.id;
  const standard = effective.find((s) => s.id === id);
  if (!standard) throw new AppError('STANDARD_UNKNOWN', 'households:errors.STANDARD_UNKNOWN', { standardId: id ?? '' });
  const sent = ctx.store.listAs('povertyStandard').find((d) => !d.deleted && d.data.standard.id === standard.id);
  if (sent) return { standard, replacesBuiltIn: sent.data.replacesBuiltIn, sources: sent.data.sources };
  // A built-in: editing it in place means replacing it, so the template says so. Its note is the
  // developers' research record (English, naming repository files), not the officer's: the
  // template's "Ghi chú" starts empty for the Sở's own words.
  const { note: _researchNote, ...officerFacing } = standard;
  return { standard: officerFacing, replacesBuiltIn: true, sources: BUILT_IN_CITATIONS.get(standard.id)?.sources ?? [] };
}

export async function standardTemplate(ctx: CoreContext, standardId: string | undefined): Promise<FileOut> {
  const file = templateFile(ctx, standardId);
  const buffer = await standardWorkbook(file);
  return { fileName: `chuan-ngheo_${file.standard.id}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}

async function readChecked(ctx: CoreContext, bytes: Uint8Array): Promise<{ file: SentStandardFile; action: StandardPreview['action']; importedAt: string }> {
  requireSo(ctx); // an office is refused before its file is even read
  const file = await readStandardWorkbook(bytes);
  const importedAt = ctx.now().toISOString();
  const action = checkSentFile(ctx, file, importedAt, true);
  return { file, action, importedAt };
}

/** What the workbook says and what storing it would do; stores nothing. */
export async function previewStandardWorkbook(ctx: CoreContext, bytes: Uint8Array): Promise<StandardPreview> {
  const { file, action } = await readChecked(ctx, bytes);
  const s = file.standard;
  return {
    file,
    action,
    indicatorCount: s.services.reduce((n, sv) => n + sv.indicators.length, 0),
    replacedTitle: action === 'replacesBuiltIn' ? STANDARDS.find((b) => b.id === s.id)?.title : action === 'replacesSent' ? ctx.store.getAs('povertyStandard', standardDocId(ctx.session().office.code, s.id))?.data.standard.title : undefined,
  };
}

/** Reads and checks the workbook again (the preview stored nothing) and stores it. */
export async function importStandardWorkbook(ctx: CoreContext, bytes: Uint8Array, fileName: string): Promise<StandardsOverview> {
  const { file, importedAt } = await readChecked(ctx, bytes);
  return storeSentFile(ctx, file, fileName, importedAt);
}
