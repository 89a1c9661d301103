import type { z } from 'zod';
import type { StandardsOverview } from '../../../contract/households';
import { AppError } from '../../../domain/errors';
import {
  reviewYearRange,
  sentStandardProblem,
  SentStandardFileSchema,
  STANDARDS,
  yearStandards,
  type SentStandardFile,
  type SentStandardProblem,
  type SentInfo,
} from '../../../domain/households/standards';
import type { CoreContext } from '../../runtime/context';
import { sentStandardsOf, standardsOf } from './inStore';

/**
 * Poverty standards the Sở loads from a file and sends to every office (kind povertyStandard).
 * The file is JSON in the shape of the built-in data files (domain/households/standards/*.json:
 * the standard, `sources`, and `replacesBuiltIn` when it replaces the built-in of its id), or
 * `{ standard, replacesBuiltIn, sources }`. Everything is checked before anything is written,
 * and each refusal has its own code, so the page can say what to fix.
 */

/** A standard file is a few kilobytes; 256 KB leaves room for long citations and nothing more. */
export const MAX_STANDARD_FILE_BYTES = 256 * 1024;
/** The deepest a valid file nests (file → standard → services → indicator → aliases) is 6. */
const MAX_DEPTH = 12;

export function standardDocId(owner: string, standardId: string): string {
  return `povertyStandard:${owner}:${standardId}`;
}

type RefusalCode =
  | SentStandardProblem['code']
  | 'STANDARD_FILE_TOO_LARGE'
  | 'STANDARD_FILE_NOT_JSON'
  | 'STANDARD_FILE_TOO_DEEP'
  | 'STANDARD_INVALID'
  | 'STANDARD_SO_ONLY'
  | 'STANDARD_UNKNOWN';

const refuse = (code: RefusalCode, params: Record<string, string | number> = {}): AppError => new AppError(code, `households:errors.${code}`, params);

/** Nesting depth of JSON text, counted outside strings: a bomb of brackets is refused unparsed. */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const where = (issue: z.core.$ZodIssue | undefined): string => (issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(tệp)');

/** Reads and checks a standard file; throws the STANDARD_* refusals. Pure apart from the bytes. */
export function readStandardFile(bytes: Uint8Array): SentStandardFile {
  if (bytes.byteLength > MAX_STANDARD_FILE_BYTES) throw refuse('STANDARD_FILE_TOO_LARGE', { max: MAX_STANDARD_FILE_BYTES / 1024 });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw refuse('STANDARD_FILE_NOT_JSON');
  }
  if (depthOf(text) > MAX_DEPTH) throw refuse('STANDARD_FILE_TOO_DEEP', { max: MAX_DEPTH });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuse('STANDARD_FILE_NOT_JSON');
  }
  // The built-in files' shape (the standard at the top) or the wrapped one.
  const shaped = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !('standard' in raw)
    ? { standard: raw, replacesBuiltIn: (raw as Record<string, unknown>)['replacesBuiltIn'], sources: (raw as Record<string, unknown>)['sources'] }
    : raw;
  const parsed = SentStandardFileSchema.safeParse(shaped);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse('STANDARD_INVALID', { where: where(issue), what: issue?.message ?? '', count: parsed.error.issues.length });
  }
  return parsed.data;
}

export function requireSo(ctx: CoreContext): { owner: string; by: string } {
  const s = ctx.session();
  if (s.role !== 'so') throw refuse('STANDARD_SO_ONLY');
  return { owner: s.office.code, by: s.officerName };
}

/** How a checked file would be stored: a built-in replaced, a sent standard of the same id replaced, or a new one. */
export type StandardAction = 'replacesBuiltIn' | 'replacesSent' | 'adds';

/**
 * The checks every standard file passes beside the built-ins and the standards already sent,
 * whatever its format (JSON or the Excel workbook): throws the STANDARD_* refusal, or says
 * what storing it would do. `fromWorkbook` words the fix for the workbook ("Thay thế: Có").
 */
export function checkSentFile(ctx: CoreContext, file: SentStandardFile, importedAt: string, fromWorkbook = false): StandardAction {
  requireSo(ctx);
  const others = sentStandardsOf(ctx.store).filter((s) => s.standard.id !== file.standard.id);
  const problem = sentStandardProblem({ standard: file.standard, replacesBuiltIn: file.replacesBuiltIn, importedAt }, STANDARDS, others);
  if (problem) {
    // The file's own words for lines ("poverty", "medium") are codes the Sở typed; the area is named in Vietnamese.
    const extra: Record<string, string> = problem.code === 'STANDARD_LINES_OUT_OF_ORDER' ? { areaName: problem.params.area === 'urban' ? 'thành thị' : 'nông thôn' } : {};
    const params = { ...problem.params, ...extra };
    if (fromWorkbook && problem.code !== 'STANDARD_LINES_OUT_OF_ORDER') throw new AppError(problem.code, `households:errors.standardXlsx.${problem.code}`, params);
    throw refuse(problem.code, params);
  }
  if (file.replacesBuiltIn) return 'replacesBuiltIn';
  const earlier = ctx.store.getAs('povertyStandard', standardDocId(ctx.session().office.code, file.standard.id));
  return earlier && !earlier.deleted ? 'replacesSent' : 'adds';
}

/** Stores a checked file as the Sở's povertyStandard document (its next bundle carries it). */
export async function storeSentFile(ctx: CoreContext, file: SentStandardFile, fileName: string, importedAt: string): Promise<StandardsOverview> {
  const { owner, by } = requireSo(ctx);
  await ctx.store.write([
    { id: standardDocId(owner, file.standard.id), kind: 'povertyStandard', owner, data: { ...file, fileName: fileName.slice(0, 255), importedAt, importedBy: by } },
  ]);
  return standardsOverview(ctx);
}

/** Checks a standard file against the built-ins and the standards already sent, then stores it. */
export async function importStandardFile(ctx: CoreContext, bytes: Uint8Array, fileName: string): Promise<StandardsOverview> {
  requireSo(ctx);
  const file = readStandardFile(bytes);
  const importedAt = ctx.now().toISOString();
  checkSentFile(ctx, file, importedAt);
  return storeSentFile(ctx, file, fileName, importedAt);
}

/** Withdraws a standard the Sở sent: offices go back to the built-in (or to none) with the next bundle. */
export async function removeStandard(ctx: CoreContext, standardId: string): Promise<StandardsOverview> {
  const { owner } = requireSo(ctx);
  const doc = ctx.store.getAs('povertyStandard', standardDocId(owner, standardId));
  if (!doc || doc.deleted) throw refuse('STANDARD_UNKNOWN', { standardId });
  await ctx.store.write([{ id: doc.id, kind: 'povertyStandard', owner, data: doc.data, deleted: true }]);
  return standardsOverview(ctx);
}

/** Each review year 2021–2030 with its standard and where that rests, and the standards sent. */
export function standardsOverview(ctx: CoreContext): StandardsOverview {
  const sent: SentInfo[] = ctx.store.listAs('povertyStandard').map((d) => ({
    standardId: d.data.standard.id,
    replacesBuiltIn: d.data.replacesBuiltIn,
    importedAt: d.data.importedAt,
    importedBy: d.data.importedBy,
    ownerName: ctx.unit(d.owner)?.shortName ?? d.owner,
    fileName: d.data.fileName,
    sources: d.data.sources,
  }));
  return { years: yearStandards(reviewYearRange(), standardsOf(ctx.store), sent), canLoad: ctx.session().role === 'so' };
}
