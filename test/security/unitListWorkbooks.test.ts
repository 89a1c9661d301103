import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { row, zipBomb } from './hostileWorkbooks';

/**
 * The Sở's unit-list import (Excel) takes the same hostile files as the household import and
 * refuses them the same way, before any unit is added (issue 10 item 4).
 */

/** A unit list whose sheet repeats one commune row `rows` times, deflated ~300:1. */
const bomb = (rows: number): Uint8Array =>
  zipBomb({ sheetName: 'Don vi', rowXml: row(['XA-TANTHANH', 'Tân Thành', 'xã']), rows, perBlock: 5_000 });

describe('hostile unit lists at the Sở', () => {
  let dir: string;
  let core: Core;
  const importList = async (bytes: Uint8Array, dryRun: boolean) => core.dispatch('app.units.import', { base64: Buffer.from(bytes).toString('base64'), dryRun });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-unitlist-'));
    core = await openCore({ dataDir: dir });
    const r = await core.dispatch('app.setup', { profileId: 'lang-son-2022', role: 'so', officeCode: 'SO', officerName: 'Nông Thị Hạnh' });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a zip bomb is refused as too large, quickly, and adds no unit', async () => {
    const bytes = bomb(400_000);
    expect(bytes.length).toBeLessThan(300_000); // ~50 MB of sheet XML once inflated
    const units = JSON.stringify(core.context.profile());
    const t0 = performance.now();
    const r = await importList(bytes, false);
    expect(r).toMatchObject({ ok: false, error: { code: 'WORKBOOK_TOO_LARGE' } });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(JSON.stringify(core.context.profile())).toBe(units);
  });

  it('a well-formed list is refused by the 2022 tree (communes there sit under a district), naming the profile', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Don vi');
    ws.addRow(['Mã', 'Tên', 'Loại', 'Mã ĐVHC']);
    ws.addRow(['', 'Thử Nghiệm Bắc', 'xã', '99901']);
    const r = await importList(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), true);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNIT_LIST_NOT_FOR_PROFILE', params: { profile: core.context.profile().name } } });
  });

  it('a list with a cell at row 1,048,576 is refused with its dimensions', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Don vi');
    ws.addRow(['Mã', 'Tên', 'Loại', 'Mã chính thức']);
    ws.addRow(['XA-TANTHANH', 'Tân Thành', 'xã', '06058']);
    ws.getCell('B1048576').value = 'Hoàng Văn Thụ';
    const r = await importList(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), true);
    expect(r).toMatchObject({ ok: false, error: { code: 'WORKBOOK_DIMENSIONS', params: { rows: 1048576 } } });
  });
});
