import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { openCore } from '../../electron/core';
import { PROFILE_FILE } from '../../electron/core/runtime/profile';
import { carry } from './syncHelpers';
import { openOffice, twoOfficesWithKeys, type Office } from './twoOffices';
import { VANQUAN_2022_H1 } from '../unit/reports/samples';

/**
 * A Sở data folder made under the 2022 tree moves to the 2025 tree (Sở Nội vụ, 65 communes
 * and wards): what Văn Quan sent in 2024 stays Văn Quan's, counts in the 2024 province total
 * and is shown as a former unit; the Sở becomes the Sở Nội vụ; a district office's own folder
 * cannot move (its unit was divided). New folders start on the 2025 tree.
 */
let clock = Date.parse('2024-06-05T02:00:00Z');
const now = (): number => clock;
let so: Office;
let vq: Office;
const SIX = 'ldtbxh-6-thang';
const communes = sampleCommunes('VANQUAN');
const profileHash = (dir: string): string => createHash('sha256').update(readFileSync(path.join(dir, PROFILE_FILE))).digest('hex');

beforeAll(async () => {
  ({ so, vq } = await twoOfficesWithKeys({ now, so: { code: 'SO', name: 'Nguyễn Văn Sở' } }));
  await so.call('reports.installDefaults', {});
  await carry(so, vq);
  // Văn Quan's 2024: its communes, a review list of twelve households, its first-half report.
  await vq.call('households.communes.importSample', {});
  for (const h of generateHouseholds({ seed: 2024, count: 12, communes, reviewYear: 2024 })) {
    await vq.call('households.save', { household: { ...h, code: '', standardId: 'nd07-2021' } });
  }
  // The sample's per-commune rows, under Văn Quan's own commune codes (the sums must match).
  const rows = Object.values(VANQUAN_2022_H1['gn.theo_xa']);
  const table = Object.fromEntries(rows.map((r, i) => [communes[i]?.code ?? `VQ-${i}`, r]));
  await vq.call('reports.save', { formId: SIX, period: '2024-H1', values: { ...VANQUAN_2022_H1, 'gn.theo_xa': table }, complete: true });
  await carry(vq, so);
}, 120_000);
afterAll(async () => {
  for (const o of [so, vq]) await o?.core.close();
});

describe('chuyển thư mục từ cây tổ chức 2022 sang 2025', () => {
  it('the preview names what moves and what stays, and changes nothing', async () => {
    const before = await so.call('households.summary', { year: 2024 });
    const hash = profileHash(so.dataDir);
    const preview = await so.call('app.profile.migrate', { to: 'lang-son-2025', dryRun: true });
    expect(preview).toMatchObject({ done: false, applied: false, refusal: null, from: { id: 'lang-son-2022' }, to: { id: 'lang-son-2025', effectiveFrom: '2025-07-01' } });
    expect(preview.office).toEqual({ before: { code: 'SO', name: expect.stringContaining('LĐTBXH') }, after: { code: 'SNV', name: 'Sở Nội vụ' } });
    const vqUnit = preview.units.find((u) => u.code === 'VANQUAN');
    expect(vqUnit?.records).toBeGreaterThanOrEqual(12 + 1);
    expect(vqUnit?.becameUnits.map((b) => b.name)).toContain('Xã Văn Quan');
    expect(profileHash(so.dataDir)).toBe(hash);
    expect((await so.call('app.state', {})).session?.office.code).toBe('SO');
    expect(await so.call('households.summary', { year: 2024 })).toEqual(before);
  });

  it("a district office's folder is refused: its unit was divided between communes", async () => {
    const preview = await vq.call('app.profile.migrate', { to: 'lang-son-2025', dryRun: true });
    expect(preview.office.after).toBeNull();
    expect(preview.refusal).toMatchObject({ code: 'MIGRATE_UNIT_ENDED' });
    expect(Number(preview.refusal?.params['count'])).toBeGreaterThan(1);
    await expect(vq.call('app.profile.migrate', { to: 'lang-son-2025', dryRun: false })).rejects.toMatchObject({ code: 'MIGRATE_UNIT_ENDED' });
    expect((await vq.call('app.profile', {})).id).toBe('lang-son-2022');
  });

  it('the Sở becomes the Sở Nội vụ; 2024 figures stay Văn Quan’s and reach the 2024 total', async () => {
    const summaryBefore = await so.call('households.summary', { year: 2024 });
    const h1Before = await so.call('reports.consolidate', { formId: SIX, period: '2024-H1' });
    const created = (id: string) => h1Before.consolidation.indicators.find((i) => i.id === id)?.total;

    const done = await so.call('app.profile.migrate', { to: 'lang-son-2025', dryRun: false });
    expect(done.applied).toBe(true);
    const state = await so.call('app.state', {});
    expect(state.session).toMatchObject({ profileId: 'lang-son-2025', office: { code: 'SNV', shortName: 'Sở Nội vụ' } });

    // The 2024 half-year was reported by the districts: Văn Quan's report still counts.
    const h1 = await so.call('reports.consolidate', { formId: SIX, period: '2024-H1' });
    expect(h1.offices).toHaveLength(11);
    expect(h1.offices.map((o) => o.code)).toContain('VANQUAN');
    expect(h1.consolidation.indicators.find((i) => i.id === 'ld.vieclam.tao_moi')?.total).toBe(created('ld.vieclam.tao_moi'));
    expect(created('ld.vieclam.tao_moi')).toBe(VANQUAN_2022_H1['ld.vieclam.tao_moi']);
    // From 1 July 2025 the communes report: the 2026 half-year asks Văn Quan for nothing.
    const h2 = await so.call('reports.consolidate', { formId: SIX, period: '2026-H1' });
    expect(h2.offices).toHaveLength(65);
    expect(h2.offices.map((o) => o.code)).not.toContain('VANQUAN');

    // The household summary: the same figures, Văn Quan's row marked as a former unit.
    const summary = await so.call('households.summary', { year: 2024 });
    const row = summary.summary.rows.find((r) => r.key === 'VANQUAN');
    expect(row).toMatchObject({ former: true, total: 12 });
    expect(summary.summary.total).toEqual(summaryBefore.summary.total);
    expect(summary.issuer.name).toContain('Sở Nội vụ');
    const xlsx = Buffer.from((await so.call('households.summaryXlsx', { year: 2024 })).base64, 'base64');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((r) => cells.push(String(r.getCell(1).value ?? '')));
    expect(cells).toContain(`${row?.label ?? ''} (đơn vị cũ)`);
  });

  it('running it again changes nothing, and the move survives a restart', async () => {
    const hash = profileHash(so.dataDir);
    const again = await so.call('app.profile.migrate', { to: 'lang-son-2025', dryRun: false });
    expect(again).toMatchObject({ done: true, applied: false });
    expect(profileHash(so.dataDir)).toBe(hash);
    await so.core.close();
    so = await openOffice('so', 'SNV', 'Nguyễn Văn Sở', { now, dataDir: so.dataDir });
    expect((await so.call('app.state', {})).session?.office.code).toBe('SNV');
    expect((await so.call('app.profile', {})).formerUnits.find((u) => u.code === 'VANQUAN')).toMatchObject({ profileId: 'lang-son-2022', until: '2025-06-30' });
  });
});

describe('thư mục mới dùng cây tổ chức hiện hành', () => {
  const dirs: string[] = [];
  const fresh = (): string => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'soviec-fresh-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a new folder is the 2025 tree; set up without choosing, it stays so after a restart', async () => {
    const dataDir = fresh();
    let core = await openCore({ dataDir });
    expect((await core.service['app.profile']({})).id).toBe('lang-son-2025');
    await core.service['app.setup']({ role: 'so', officerName: 'Nông Thị Hạnh' });
    expect(core.context.session().office.code).toBe('SNV');
    await core.close();
    core = await openCore({ dataDir });
    expect(core.context.session()).toMatchObject({ profileId: 'lang-son-2025', office: { code: 'SNV' } });
    await core.close();
  });

  it('a folder set up before profiles were saved keeps the 2022 tree', async () => {
    const dataDir = fresh();
    let core = await openCore({ dataDir });
    await core.service['app.setup']({ role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan', profileId: 'lang-son-2022' });
    await core.close();
    rmSync(path.join(dataDir, PROFILE_FILE));
    core = await openCore({ dataDir });
    expect(core.context.session()).toMatchObject({ profileId: 'lang-son-2022', office: { code: 'VANQUAN' } });
    await core.close();
  });

  it('a 2022 office cannot be set up on the 2025 tree without choosing 2022', async () => {
    const core = await openCore({ dataDir: fresh() });
    await expect(core.service['app.setup']({ role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' })).rejects.toMatchObject({ code: 'UNKNOWN_OFFICE' });
    expect(core.context.settings().session).toBeNull();
    await core.close();
  });
});
