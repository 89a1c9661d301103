import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import type { Input, OpName, Output } from '../../electron/contract';
import { AppError, type AppErrorValue } from '../../electron/domain/errors';
import { errorMessage } from '../../electron/domain/translate';

/**
 * The Sở Nội vụ chooses the 2025 profile at setup, then adds units from its own Excel list:
 * the template round-trips, bad rows are named with their row, nothing is added while a row is
 * bad, and the new unit (an orgUnit document of the store) is there after a restart.
 */
let dataDir: string;
let core: Core;
const call = async <K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> => {
  const r = await core.dispatch(op, input);
  if (!r.ok) throw AppError.fromValue(r.error);
  return r.value as Output<K>;
};

async function sheet(rows: (string | number)[][]): Promise<string> {
  const { base64 } = await call('app.units.template', {});
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('template has no sheet');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-units-'));
  core = await openCore({ dataDir });
  await call('app.setup', { role: 'so', officeCode: 'SNV', officerName: 'Nguyễn Mạnh Cường', profileId: 'lang-son-2025' });
});
afterAll(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('danh sách đơn vị từ Excel', () => {
  it('setup with the 2025 profile makes this folder the Sở Nội vụ', async () => {
    const state = await call('app.state', {});
    expect(state.session).toMatchObject({ role: 'so', profileId: 'lang-son-2025', office: { code: 'SNV', shortName: 'Sở Nội vụ' } });
    await expect(call('app.setup', { role: 'so', officeCode: 'SO', officerName: 'Nguyễn Mạnh Cường', profileId: 'lang-son-2022' })).rejects.toMatchObject({
      code: 'PROFILE_LOCKED',
    });
  });

  it('the template names the columns in Vietnamese and keeps leading zeros of the codes', async () => {
    const { base64, fileName } = await call('app.units.template', {});
    expect(fileName).toBe('danh-sach-don-vi.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, 'Mã', 'Tên', 'Loại (xã/phường)', 'Mã ĐVHC']);
    expect(ws?.getColumn(4).numFmt).toBe('@');
  });

  it('bad rows are named by row and nothing is added', async () => {
    const base64 = await sheet([
      ['XA-THUNGHIEM', 'Thử Nghiệm', 'xã', '99901'],
      ['xa thu 2', 'Thử Hai', 'xã', ''],
      ['XA-THUBA', 'Thử Ba', 'thị trấn', ''],
      ['XA-VANQUAN', 'Khác Tên', 'xã', ''],
      ['XA-THUNGHIEM', 'Trùng Mã', 'phường', ''],
    ]);
    const preview = await call('app.units.import', { base64, dryRun: true });
    expect(preview.added.map((u) => u.shortName)).toEqual(['Xã Thử Nghiệm']);
    expect(preview.problems.map((p) => [p.row, p.messageKey])).toEqual([
      [3, 'app:units.problems.code'],
      [4, 'app:units.problems.kind'],
      [5, 'app:units.problems.taken'],
      [6, 'app:units.problems.duplicate'],
    ]);
    const sentence = errorMessage({ code: 'x', messageKey: preview.problems[2]?.messageKey ?? '', params: preview.problems[2]?.params ?? {} } as AppErrorValue);
    expect(sentence).toBe('Dòng 5: mã XA-VANQUAN đã là của Xã Văn Quan.');
    await expect(call('app.units.import', { base64, dryRun: false })).rejects.toMatchObject({ code: 'UNIT_LIST_INVALID' });
    expect((await call('app.profile', {})).units.some((u) => u.code === 'XA-THUNGHIEM')).toBe(false);
  });

  it('a good list adds its units, kept after a restart; a unit already there counts as known', async () => {
    const base64 = await sheet([
      ['XA-THUNGHIEM', 'Thử Nghiệm', 'Xã', '99901'],
      ['XA-VANQUAN', 'Văn Quan', 'xã', ''],
    ]);
    const done = await call('app.units.import', { base64, dryRun: false });
    expect(done).toMatchObject({ known: 1, problems: [] });
    await core.close();
    core = await openCore({ dataDir });
    const profile = await call('app.profile', {});
    expect(profile.units.filter((u) => u.type === 'commune')).toHaveLength(66);
    expect(profile.units.find((u) => u.code === 'XA-THUNGHIEM')).toMatchObject({ kind: 'xa', officialCode: '99901', name: 'Ủy ban nhân dân xã Thử Nghiệm', parent: 'SNV' });
  });
});
