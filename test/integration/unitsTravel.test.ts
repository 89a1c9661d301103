import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { AppError } from '../../electron/domain/errors';
import { carry, usbStick } from './syncHelpers';
import { twoOfficesWithKeys, type Office } from './twoOffices';

/**
 * The Sở Nội vụ applies its unit list; the list reaches a commune through a real bundle file,
 * and the commune's profile (its pickers and labels) has the new units, then a rename.
 */
const FIXTURE = path.join(import.meta.dirname, '../fixtures/units/TEST-ONLY-danh-sach-don-vi.xlsx');
const usb = usbStick('units');
const opened: Office[] = [];
let so: Office;
let vq: Office;

const names = async (o: Office): Promise<string[]> => (await o.call('app.profile', {})).units.filter((u) => u.citations.includes('unit-list')).map((u) => u.shortName);

beforeAll(async () => {
  ({ so, vq } = await twoOfficesWithKeys({ profileId: 'lang-son-2025', so: { code: 'SNV', name: 'Nguyễn Mạnh Cường' }, office: { code: 'XA-VANQUAN', name: 'Hoàng Thị Lan' }, usb }));
  opened.push(so, vq);
});
afterAll(async () => {
  for (const o of opened) await o.core.close();
  for (const o of opened) rmSync(o.dataDir, { recursive: true, force: true });
  rmSync(usb, { recursive: true, force: true });
});

describe('danh sách đơn vị đi tới các xã', () => {
  it('the officer’s list: preview names every refused row with sheet, row, column and fix', async () => {
    const base64 = readFileSync(FIXTURE).toString('base64');
    const preview = await so.call('app.units.import', { base64, dryRun: true });
    expect(preview.known).toBe(3);
    expect(preview.added.map((u) => [u.code, u.shortName, u.officialCode])).toEqual([
      ['XA-THUNGHIEMBAC', 'Xã Thử Nghiệm Bắc', '99901'],
      ['PHUONG-THUNGHIEMNAM', 'Phường Thử Nghiệm Nam', '99902'],
      ['XA-THUNGHIEMDOICHE', 'Xã Thử Nghiệm Đồi Chè', '99903'],
    ]);
    expect(preview.merged).toEqual([{ code: 'PHUONG-THUNGHIEMNAM', shortName: 'Phường Thử Nghiệm Nam', rows: [9, 11] }]);
    expect(preview.problems.map((p) => [p.sheet, p.row, p.column, p.messageKey])).toEqual([
      ['DS xã phường', 12, 'D', 'app:units.problems.officialDuplicate'],
      ['DS xã phường', 13, 'C', 'app:units.problems.kind'],
    ]);
    // Refused rows block a plain apply; nothing is written.
    await expect(so.call('app.units.import', { base64, dryRun: false })).rejects.toMatchObject({ code: 'UNIT_LIST_INVALID' });
    expect(await names(so)).toEqual([]);
  });

  it('applied (accepted rows only), the units reach the commune in its next bundle', async () => {
    const base64 = readFileSync(FIXTURE).toString('base64');
    await so.call('app.units.import', { base64, dryRun: false, acceptedOnly: true });
    expect(await names(so)).toEqual(['Xã Thử Nghiệm Bắc', 'Phường Thử Nghiệm Nam', 'Xã Thử Nghiệm Đồi Chè']);
    expect(await names(vq)).toEqual([]);

    const report = await carry(so, vq);
    expect(report.bundles[0]?.refused ?? []).toEqual([]);
    expect(await names(vq)).toEqual(['Xã Thử Nghiệm Bắc', 'Phường Thử Nghiệm Nam', 'Xã Thử Nghiệm Đồi Chè']);
    // The commune reads them as the Sở does: a reporting unit under the Sở, with its official code.
    expect((await vq.call('app.profile', {})).units.find((u) => u.code === 'PHUONG-THUNGHIEMNAM')).toMatchObject({
      type: 'commune',
      parent: 'SNV',
      officialCode: '99902',
      name: 'Ủy ban nhân dân phường Thử Nghiệm Nam',
    });
    // …and still after a restart (the units are documents of its store, not of memory).
    await vq.core.close();
    vq.core = await openCore({ dataDir: vq.dataDir });
    vq.call = async (op, input) => {
      const r = await vq.core.dispatch(op, input);
      if (!r.ok) throw AppError.fromValue(r.error);
      return r.value as never;
    };
    expect(await names(vq)).toHaveLength(3);
  });

  it('a rename by the Sở’s next list reaches the commune too; a cited unit cannot be renamed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sửa tên');
    ws.addRow(['Mã', 'Tên', 'Loại', 'Mã ĐVHC']);
    ws.addRow(['XA-THUNGHIEMBAC', 'Thử Nghiệm Bắc Sơn', 'xã', '99901']);
    ws.addRow(['XA-VANQUAN', 'Văn Quan Mới', 'xã', '06253']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await so.call('app.units.import', { base64, dryRun: true });
    expect(preview.renamed.map((r) => [r.code, r.from, r.to])).toEqual([['XA-THUNGHIEMBAC', 'Xã Thử Nghiệm Bắc', 'Xã Thử Nghiệm Bắc Sơn']]);
    expect(preview.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([[3, 'A', 'app:units.problems.taken']]);
    await so.call('app.units.import', { base64, dryRun: false, acceptedOnly: true });
    await carry(so, vq);
    const units = (await vq.call('app.profile', {})).units;
    expect(units.find((u) => u.code === 'XA-THUNGHIEMBAC')?.shortName).toBe('Xã Thử Nghiệm Bắc Sơn');
    expect(units.find((u) => u.code === 'XA-VANQUAN')?.shortName).toBe('Xã Văn Quan');
    expect(units.filter((u) => u.code === 'XA-THUNGHIEMBAC')).toHaveLength(1);
  });

  it('a listed commune can be enrolled: its new PC is set up as that commune from the Sở’s package', async () => {
    const prepared = await so.call('sync.enrol.prepare', { office: 'XA-THUNGHIEMDOICHE', outDir: usb });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-XA-THUNGHIEMDOICHE-'));
    const core = await openCore({ dataDir });
    opened.push({ core, dataDir, call: async () => Promise.reject(new Error('unused')) });
    const r = await core.dispatch('sync.enrol.accept', { path: prepared.path as string, code: prepared.code, officerName: 'Lò Thị Mai', outDir: usb });
    expect(r.ok).toBe(true);
    expect(core.context.session().office).toMatchObject({ code: 'XA-THUNGHIEMDOICHE', shortName: 'Xã Thử Nghiệm Đồi Chè', parent: 'SNV' });
  });

  it('a commune cannot import a unit list', async () => {
    const base64 = readFileSync(FIXTURE).toString('base64');
    await expect(vq.call('app.units.import', { base64, dryRun: true })).rejects.toMatchObject({ code: 'SO_ONLY' });
  });
});
