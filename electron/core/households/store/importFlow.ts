import { randomUUID } from 'node:crypto';
import type { ImportPreview, ImportProblem, ImportResult } from '../../../contract/households';
import type { FileOut } from '../../../contract/tasks';
import { AppError } from '../../../domain/errors';
import { vnDay } from '../../../domain/calendar';
import type { CoreContext } from '../../runtime/context';
import type { LocalChange } from '../../store/store';
import { buildRejectedWorkbook } from '../excel/rejected';
import { fieldLabel } from '../excel/columns';
import type { HouseholdWorkbookParse, ImportError } from '../excel/import';
import { parseHouseholdWorkbookInWorker } from '../excel/inWorker';
import { problem } from '../../../domain/households/messages';
import { standardForYear } from '../../../domain/households/standards';
import { HOUSEHOLD_CLASSES, type HouseholdClass } from '../../../domain/households/standards/schema';
import { householdDocData, householdDocId } from './docs';
import { ScoreTables } from '../scoring/loaded';
import type { HouseholdIndex } from './householdIndex';
import { codeResolver } from './codes';
import { officeCommunes } from './queries';
import { requireOffice } from './writes';
import { standardsOf } from '../standards/inStore';
import type { PovertyStandard } from '../../../domain/households/standards/schema';

/**
 * Excel import in two steps: a preview that writes nothing, then a commit that writes every
 * valid row, all or nothing, as one bulk write of the store (store.writeBulk, bulkWrite.ts):
 * the rows become documents a batch at a time, each batch staged on disk before the next is
 * made, so 110,000 rows never exist as one text. After a crash part way the import has either
 * landed whole (the next open finishes it) or not at all; importing the same file again then
 * gives the same households (ids come from office, year and code; rows without a code get the
 * code their ID number already has), never a second copy. Rows whose ID number belongs to
 * another household already recorded for the year are refused like any other invalid row.
 */

/** Rows made into documents and staged at a time: about 1.5 MB of text each. */
export const IMPORT_BATCH_ROWS = 2_000;

export interface ParsedImport {
  parse: HouseholdWorkbookParse;
  /** The file as uploaded: the rejected rows are read again from it (a few MB, not the sheet). */
  bytes: Uint8Array;
  errors: ImportError[];
  /** Valid rows, after the checks against the stored records. */
  valid: HouseholdWorkbookParse['rows'];
  office: string;
  by: string;
  fileName: string;
  year: number;
  /** The year's standard when the file was read (the folder's: a Sở standard included). */
  standard: PovertyStandard;
  created: number;
  updated: number;
  committed?: boolean;
  /** A commit failed after it began turning rows into documents: preview again. */
  spent?: boolean;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function parseImport(ctx: CoreContext, index: HouseholdIndex, bytes: Uint8Array, year: number, fileName: string): Promise<ParsedImport> {
  const { office, by } = requireOffice(ctx);
  const standard = standardForYear(year, standardsOf(ctx.store));
  const communes = officeCommunes(ctx, office);
  const parse = await parseHouseholdWorkbookInWorker(bytes, { communes, reviewYear: year, standard, today: vnDay(ctx.now()) });
  const errors = [...parse.errors];
  const valid: ParsedImport['valid'] = [];
  let created = 0;
  let updated = 0;
  const codeFor = codeResolver(index, office);
  for (const r of parse.rows) {
    if (!r.codeGiven) r.household = { ...r.household, code: codeFor(r.household.communeCode, year, r.household.idNumber) };
    const id = householdDocId(office, year, r.household.code);
    const twin = index.withIdNumber(year, r.household.idNumber).find((e) => e.id !== id);
    if (twin) {
      const column = parse.columnMapping.find((m) => m.field === 'idNumber');
      errors.push({
        row: r.row,
        column: column?.header ?? fieldLabel('idNumber', standard),
        columnLetter: column?.letter ?? '',
        field: 'idNumber',
        problem: problem('duplicateIdStored', { value: r.household.idNumber, code: twin.code, name: String(twin.d['headName'] ?? '') }),
      });
      continue;
    }
    valid.push(r);
    if (ctx.store.get(id)?.deleted === false) updated++;
    else created++;
  }
  errors.sort((a, b) => a.row - b.row);
  return { parse, bytes, errors, valid, office, by, fileName, year, standard, created, updated };
}

export function previewOf(p: ParsedImport, token: string, noCommunes: boolean): ImportPreview {
  const dataRows = new Set(p.parse.table.householdRows);
  const invalidRows = new Set(p.errors.filter((e) => dataRows.has(e.row)).map((e) => e.row));
  const byClass = Object.fromEntries(HOUSEHOLD_CLASSES.map((c) => [c, 0])) as Record<HouseholdClass, number>;
  for (const r of p.valid) byClass[r.classification.class]++;
  const fileLevel = p.errors.some((e) => !invalidRows.has(e.row));
  return {
    token,
    fileName: p.fileName,
    sheetName: p.parse.sheetName,
    headerRow: p.parse.headerRow,
    year: p.year,
    standardId: p.standard.id,
    columns: p.parse.columnMapping.map((m) => ({ letter: m.letter, header: m.header, field: m.field, label: fieldLabel(m.field, p.standard) })),
    unmapped: p.parse.unmappedHeaders.map((u) => ({ letter: u.letter, header: u.header, reason: u.reason })),
    errors: p.errors.map(
      (e): ImportProblem => ({ row: e.row, column: e.column, columnLetter: e.columnLetter, messageKey: e.problem.messageKey, params: e.problem.params }),
    ),
    counts: {
      rows: p.parse.householdRowCount,
      valid: p.valid.length,
      invalid: fileLevel ? p.parse.householdRowCount - p.valid.length : invalidRows.size,
      skipped: p.parse.skippedRows.length,
      created: p.created,
      updated: p.updated,
    },
    byClass,
    noCommunes,
    countOnly: p.valid.filter((r) => r.household.deprivedCount !== undefined).length,
  };
}

/**
 * Writes the valid rows, all or nothing. Refuses when rows are invalid, unless `validOnly`.
 * The rows are handed over as they become documents (the preview's copy of them is let go as
 * the commit goes): a failed commit cannot be tried again from the same preview.
 */
export async function commitImport(ctx: CoreContext, p: ParsedImport, validOnly: boolean, batchRows: number = IMPORT_BATCH_ROWS): Promise<ImportResult> {
  const rejected = p.parse.householdRowCount - p.valid.length;
  if (p.committed) throw new AppError('IMPORT_DONE', 'households:errors.IMPORT_DONE');
  if (p.spent) throw new AppError('IMPORT_EXPIRED', 'households:errors.IMPORT_EXPIRED');
  if (p.errors.length > 0 && !validOnly) {
    throw new AppError('IMPORT_HAS_ERRORS', 'households:errors.IMPORT_HAS_ERRORS', { count: rejected });
  }
  if (p.valid.length === 0) throw new AppError('IMPORT_NOTHING_VALID', 'households:errors.IMPORT_NOTHING_VALID');
  const at = ctx.now();
  const tables = ScoreTables.of(ctx.store).get();
  const rows = p.valid;
  const standards = standardsOf(ctx.store);
  // The parse keeps the same row objects: both let go, so each row is freed once it is a document.
  p.valid = [];
  p.parse.rows = [];
  p.spent = true;
  function* batches(): Generator<LocalChange[]> {
    while (rows.length > 0) {
      yield rows.splice(0, batchRows).map((r) => ({
        id: householdDocId(p.office, p.year, r.household.code),
        kind: 'household' as const,
        owner: p.office,
        // The worker classified the row with the year's standard: not done again.
        data: householdDocData(r.household, p.by, at, tables, r.classification, standards),
      }));
    }
  }
  const imported = await ctx.store.writeBulk(batches());
  p.committed = true;
  return { imported, created: p.created, updated: p.updated, rejected };
}

export async function rejectedFile(p: ParsedImport): Promise<FileOut> {
  const buffer = await buildRejectedWorkbook(p.bytes, p.parse.table, p.errors);
  const base = p.fileName.replace(/\.xlsx$/i, '') || 'ho-ngheo';
  return { fileName: `${base}_dong-loi.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: true };
}

/** Parsed files waiting for the officer's choice, by token; the oldest are dropped. */
export class PendingImports {
  private readonly items = new Map<string, ParsedImport>();

  add(p: ParsedImport): string {
    const token = randomUUID();
    this.items.set(token, p);
    while (this.items.size > 4) this.items.delete(this.items.keys().next().value as string);
    return token;
  }

  get(token: string): ParsedImport {
    const p = this.items.get(token);
    if (!p) throw new AppError('IMPORT_EXPIRED', 'households:errors.IMPORT_EXPIRED');
    return p;
  }

  drop(token: string): void {
    this.items.delete(token);
  }
}
