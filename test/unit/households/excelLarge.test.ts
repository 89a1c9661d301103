import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetter, type ColumnField } from '../../../electron/core/households/excel/columns';
import { parseHouseholdWorkbook } from '../../../electron/core/households/excel/import';
import { parseHouseholdWorkbookInWorker } from '../../../electron/core/households/excel/inWorker';
import { generateHouseholds, writeHouseholdWorkbook } from '../../../electron/core/households/generate';
import { communeLabel, sampleCommunes } from '../../../electron/domain/households/communes';
import type { Household } from '../../../electron/domain/households/household';
import { ND07_2021 } from '../../../electron/domain/households/standards';

const communes = sampleCommunes('VANQUAN');
const options = { communes, reviewYear: 2022, standard: ND07_2021 };
const ROWS = 110_000;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellValue(field: ColumnField, h: Household, seq: number): string | number | null {
  if (field.startsWith('indicator:')) return h.deprived.includes(field.slice('indicator:'.length)) ? 'x' : null;
  const commune = communes.find((c) => c.code === h.communeCode);
  const values: Partial<Record<ColumnField, string | number | null>> = {
    seq,
    code: h.code,
    headName: h.headName,
    idNumber: h.idNumber,
    ethnicity: h.ethnicity,
    commune: commune ? communeLabel(commune) : h.communeCode,
    village: h.village,
    area: h.area === 'urban' ? 'Thành thị' : 'Nông thôn',
    members: h.members,
    income: h.incomePerPerson,
    merit: h.merit ? 'x' : null,
    notes: h.notes,
  };
  return values[field] ?? null;
}

/**
 * A district-and-more sheet of 110,000 households, written straight as sheet XML (inline
 * strings) so the test does not hold 110,000 exceljs rows to make it. The headers are the
 * ones the office workbook writer uses, read back through the import itself.
 */
async function bigWorkbook(households: readonly Household[], badIdEvery: number): Promise<Uint8Array> {
  const sample = await writeHouseholdWorkbook(households.slice(0, 1), { communes });
  const columns = (await parseHouseholdWorkbook(sample.buffer, options)).columnMapping;
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const file = (name: string, text: string): void => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rels}"><sheets><sheet name="Toàn tỉnh" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const cell = (col: number, row: number, v: string | number | null): string => {
    if (v === null || v === '') return '';
    const ref = `${columnLetter(col)}${row}`;
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  };
  let xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${columns.map((c) => cell(c.column, 1, c.header)).join('')}</row>`;
  households.forEach((h, i) => {
    const row = i + 2;
    const bad = i % badIdEvery === badIdEvery - 1;
    xml += `<row r="${row}">${columns.map((c) => cell(c.column, row, c.field === 'idNumber' && bad ? '0201234' : cellValue(c.field, h, i + 1))).join('')}</row>`;
    if (xml.length > 1 << 20) {
      sheet.push(strToU8(xml));
      xml = '';
    }
  });
  sheet.push(strToU8(`${xml}</sheetData></worksheet>`), true);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

describe('a workbook of 110,000 households', () => {
  it('is read in the capped worker with every row counted and the bad rows named', async () => {
    // The generator may repeat an ID number or a code at this size; the import rightly flags those.
    const seen = new Set<string>();
    const households = generateHouseholds({ seed: 110, count: ROWS + 500, communes })
      .filter((h) => !seen.has(h.idNumber) && !seen.has(h.code) && seen.add(h.idNumber).add(h.code))
      .slice(0, ROWS);
    expect(households).toHaveLength(ROWS);
    const bytes = await bigWorkbook(households, 10_000);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const parse = await parseHouseholdWorkbookInWorker(bytes, options);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // The process's CPU time includes the worker thread's: on a loaded machine it is the steadier figure.
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`110,000 rows (${(bytes.length / 2 ** 20).toFixed(1)} MB): ${(ms / 1000).toFixed(1)} s (${(cpuMs / 1000).toFixed(1)} s CPU) in the worker, ${Math.round((ROWS / cpuMs) * 1000)} rows per CPU second`);
    expect(parse.sheetName).toBe('Toàn tỉnh');
    expect(parse.householdRowCount).toBe(ROWS);
    expect(parse.errors.map((e) => e.row)).toEqual(Array.from({ length: 11 }, (_v, k) => (k + 1) * 10_000 + 1));
    expect(parse.errors.every((e) => e.problem.messageKey === 'households:problem.idNumberInvalid')).toBe(true);
    expect(parse.rows).toHaveLength(ROWS - 11);
    expect(parse.rows.at(-1)?.household).toEqual(households.at(-2)); // the last row has a bad ID
    expect(parse.table.householdRows).toHaveLength(ROWS);
  }, 300_000);
});
