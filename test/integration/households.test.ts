import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  classifyHousehold,
  generateHouseholds,
  nextYearHouseholds,
  ND07_2021,
  sampleBadCells,
  sampleCommunes,
  writeHouseholdWorkbook,
  type Household,
} from '../../electron/core/households';
import { openOffice, type Office } from './twoOffices';

const communes = sampleCommunes('VANQUAN');
const households2022 = generateHouseholds({ seed: 7, count: 60, communes, reviewYear: 2022 });
const bad = sampleBadCells(60, 5, 3);
const opened: Office[] = [];
let vq: Office;
let workbook: Awaited<ReturnType<typeof writeHouseholdWorkbook>>;

beforeAll(async () => {
  vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
  opened.push(vq);
  workbook = await writeHouseholdWorkbook(households2022, { communes, overrides: bad });
});
afterAll(async () => {
  for (const o of opened) await o.core.close();
});

const b64 = (b: Buffer) => b.toString('base64');
const classOf = (h: Household) => classifyHousehold(h, ND07_2021).class;

describe('household review at a district office', () => {
  it('starts without communes and loads the sample list', async () => {
    const meta = await vq.call('households.meta', {});
    expect(meta.communes).toEqual([]);
    expect(meta.sampleAvailable).toBe(true);
    const r = await vq.call('households.communes.importSample', {});
    expect(r.added).toBe(communes.length);
    expect(r.communes[0]?.label).toBe('Thị trấn Văn Quan');
    const doc = vq.core.context.store.list('commune')[0];
    expect(doc?.owner).toBe('VANQUAN');
    const again = await vq.call('households.communes.importSample', {});
    expect(again.added).toBe(0);
  });

  it('previews an Excel file with bad rows, refuses to import it whole, imports the valid rows on request', async () => {
    const preview = await vq.call('households.import.preview', { base64: b64(workbook.buffer), fileName: 'vq-2022.xlsx', year: 2022 });
    expect(preview.counts).toMatchObject({ rows: 60, valid: 55, invalid: 5, created: 55, updated: 0 });
    expect(new Set(preview.errors.map((e) => e.row))).toEqual(new Set(bad.map((b) => workbook.rowOf(b.index))));
    expect(preview.errors.every((e) => e.messageKey.startsWith('households:problem.'))).toBe(true);
    expect(preview.columns.find((c) => c.field === 'idNumber')?.letter).toBe('D');

    await expect(vq.call('households.import.commit', { token: preview.token })).rejects.toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
    expect(vq.core.context.store.count('household')).toBe(0); // nothing half-imported

    const rejected = await vq.call('households.import.rejected', { token: preview.token });
    expect(rejected.personalData).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(rejected.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    expect(header).toContain('Lỗi');
    expect(ws.actualRowCount).toBe(6);

    const result = await vq.call('households.import.commit', { token: preview.token, validOnly: true });
    expect(result).toMatchObject({ imported: 55, created: 55, rejected: 5 });
    await expect(vq.call('households.import.commit', { token: preview.token, validOnly: true })).rejects.toMatchObject({ code: 'IMPORT_DONE' });
    const page = await vq.call('households.list', { year: 2022 });
    expect(page.total).toBe(55);
    expect(page.rows[0]?.idNumber).toMatch(/\*/); // masked by default
    const doc = vq.core.context.store.list('household')[0];
    expect(doc?.owner).toBe('VANQUAN');
    expect(doc?.data).toHaveProperty('class');
    expect(String(doc?.data['reasonText'])).toMatch(/^thu nhập [\d.]+ đ/);
  });

  it('summarises per commune, and an edit that changes the class changes the summary', async () => {
    const good = households2022.filter((_h, i) => !bad.some((b) => b.index === i));
    const before = await vq.call('households.summary', { year: 2022 });
    expect(before.summary.total.total).toBe(55);
    expect(before.summary.total.poor).toBe(good.filter((h) => classOf(h) === 'poor').length);
    expect(before.summary.rows.map((r) => r.key)).toEqual(expect.arrayContaining(communes.map((c) => c.code)));
    expect(before.issuer.parentBody).toBe('UBND HUYỆN VĂN QUAN');

    const poor = (await vq.call('households.list', { year: 2022, filter: { class: 'poor' } })).rows[0];
    expect(poor).toBeDefined();
    const record = await vq.call('households.get', { id: poor?.id as string });
    expect(record.reasonText).toMatch(/thiếu hụt \d+ chỉ số/);
    const saved = await vq.call('households.save', { id: record.id, household: { ...record.household, incomePerPerson: 3_500_000 } });
    expect(saved.class).toBe('above');
    expect(saved.id).toBe(record.id);
    const after = await vq.call('households.summary', { year: 2022 });
    expect(after.summary.total.poor).toBe(before.summary.total.poor - 1);
    expect(after.summary.total.above).toBe(before.summary.total.above + 1);

    const xlsx = await vq.call('households.summaryXlsx', { year: 2022 });
    expect(xlsx.personalData).toBe(false);
    const list = await vq.call('households.exportXlsx', { year: 2022 });
    expect(list.personalData).toBe(true);
  });

  it('flags and refuses a duplicate ID number; searches ignore diacritics', async () => {
    const first = (await vq.call('households.list', { year: 2022, showIds: true })).rows[0];
    const check = await vq.call('households.checkId', { idNumber: first?.idNumber as string, year: 2022 });
    expect(check.duplicates.map((d) => d.code)).toEqual([first?.code]);
    const copy = { ...(households2022[0] as Household), code: 'VQ-NEW-1', idNumber: first?.idNumber as string };
    await expect(vq.call('households.save', { household: copy })).rejects.toMatchObject({ code: 'DUPLICATE_ID' });
    await expect(vq.call('households.save', { household: { ...copy, idNumber: '020199000001', code: first?.code as string } })).rejects.toMatchObject({
      code: 'DUPLICATE_CODE',
    });
    const created = await vq.call('households.save', { household: { ...copy, idNumber: '020199000001', headName: 'Lương Văn Bình' } });
    const found = await vq.call('households.list', { year: 2022, filter: { q: 'LUONG van binh' } });
    expect(found.rows.map((r) => r.id)).toContain(created.id);
    await vq.call('households.delete', { id: created.id });
    expect((await vq.call('households.list', { year: 2022 })).total).toBe(55);
  });

  it('computes year-over-year changes from the previous year with the same code', async () => {
    const good = households2022.filter((_h, i) => !bad.some((b) => b.index === i));
    const next = nextYearHouseholds(good, { seed: 11 });
    const wb = await writeHouseholdWorkbook(next, { communes });
    const preview = await vq.call('households.import.preview', { base64: b64(wb.buffer), fileName: 'vq-2023.xlsx', year: 2023 });
    expect(preview.errors).toEqual([]);
    await vq.call('households.import.commit', { token: preview.token });
    const s = await vq.call('households.summary', { year: 2023 });
    const t = s.summary.total;
    expect(t.poor).toBe(t.poorAtStart - t.escaped + t.fellBack + t.newlyPoor);
    const escaped = (await vq.call('households.list', { year: 2023, limit: 2000 })).rows.filter((r) => r.change.poor === 'escaped');
    expect(escaped.length).toBe(t.escaped);
    expect((await vq.call('households.meta', {})).years).toEqual([2023, 2022]);
  });

  it('at the Sở, the same table by district from the districts’ records', async () => {
    const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường');
    opened.push(so);
    await so.core.context.store.putVersions(vq.core.context.store.list('household', { includeDeleted: true }));
    const s = await so.call('households.summary', { year: 2022 });
    expect(s.scope).toBe('province');
    expect(s.summary.rows.map((r) => r.key)).toEqual(['VANQUAN']);
    expect(s.summary.rows[0]?.label).toBe('Huyện Văn Quan');
    expect(s.summary.total.total).toBe(55);
    await expect(so.call('households.save', { household: households2022[0] as Household })).rejects.toMatchObject({ code: 'OFFICE_ONLY' });
  });
});

describe('command line', () => {
  const cli = path.resolve('dist/electron/cli.cjs');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  beforeAll(() => {
    execFileSync(process.execPath, ['build/bundle.mjs', '--quiet']);
  }, 120_000);

  it('imports nothing and exits non-zero when a row is invalid, unless --valid-only; prints the summary as JSON', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-cli-hh-'));
    const file = path.join(dir, 'ho-ngheo.xlsx');
    writeFileSync(file, workbook.buffer);
    expect(run(['init', '--profile', 'lang-son-2022', '--data', dir, '--role', 'office', '--office', 'VANQUAN', '--name', 'Hoàng Thị Lan']).status).toBe(0);
    expect(run(['households', 'communes', '--data', dir, '--load-sample']).status).toBe(0);

    const refused = run(['households', 'import', file, '--data', dir, '--year', '2022']);
    expect(refused.status).toBe(3);
    expect(refused.stdout).toContain('chưa nhập dòng nào');
    const empty = JSON.parse(run(['households', 'summary', '--data', dir, '--year', '2022', '--json']).stdout) as { summary: { total: { total: number } } };
    expect(empty.summary.total.total).toBe(0);

    const ok = run(['households', 'import', file, '--data', dir, '--year', '2022', '--valid-only', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, imported: 55, rejected: 5 });
    const summary = run(['households', 'summary', '--data', dir, '--json']);
    expect(summary.status).toBe(0);
    const parsed = JSON.parse(summary.stdout) as { year: number; summary: { total: { total: number }; rows: unknown[] } };
    expect(parsed.year).toBe(2022);
    expect(parsed.summary.total.total).toBe(55);
  }, 120_000);
});
