import ExcelJS from 'exceljs';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';

/**
 * The Sở's unit-list import (Excel) takes the same hostile files as the household import and
 * refuses them the same way, before any unit is added (issue 10 item 4).
 */

const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rels}"><sheets><sheet name="Don vi" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

/** A unit list whose sheet repeats one commune row `rows` times, deflated ~300:1. */
function bomb(rows: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, text] of Object.entries(PARTS)) {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const block = strToU8('<row><c t="inlineStr"><is><t>XA-TANTHANH</t></is></c><c t="inlineStr"><is><t>Tân Thành</t></is></c><c t="inlineStr"><is><t>xã</t></is></c></row>'.repeat(5_000));
  for (let i = 0; i < rows / 5_000; i++) sheet.push(block);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

describe('hostile unit lists at the Sở', () => {
  let dir: string;
  let core: Core;
  const importList = async (bytes: Uint8Array, dryRun: boolean) => core.dispatch('app.units.import', { base64: Buffer.from(bytes).toString('base64'), dryRun });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-unitlist-'));
    core = await openCore({ dataDir: dir });
    const r = await core.dispatch('app.setup', { role: 'so', officeCode: 'SO', officerName: 'Nông Thị Hạnh' });
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
