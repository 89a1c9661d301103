import { describe, expect, it } from 'vitest';
import communes2022 from '../../../electron/domain/profiles/lang-son-communes-2022.json' with { type: 'json' };
import { LANG_SON_2022, LANG_SON_2022_TO_2025, LANG_SON_2025 } from '../../../electron/domain/profiles/builtIn';
import { anyUnitByCode, migrateProfile, successorOf } from '../../../electron/domain/profiles/mapping';
import { lowerUnits, lowerUnitsOn } from '../../../electron/domain/org';
import { consolidate, type ReportForConsolidation } from '../../../electron/domain/reports/consolidate';
import { SIX_MONTH_FORM } from '../../../electron/domain/reports/defaultForms';
import { reportingOfficesOn } from '../../../electron/domain/reports/form';
import { periodRange } from '../../../electron/domain/reports/periods';
import { VANQUAN_2022_H1, BINHGIA_2022_H1 } from '../reports/samples';

const COMMUNES_2022 = new Set(communes2022.trees.flatMap((t) => t.communes.map((c) => c.code)));
const migrated = migrateProfile(LANG_SON_2022, LANG_SON_2025, LANG_SON_2022_TO_2025, COMMUNES_2022);

/** Province total of one indicator for a period, as the Sở's consolidation computes it. */
function provinceTotal(reports: ReportForConsolidation[], period: string, indicator: string): { total: number | null; offices: string[] } {
  const offices = reportingOfficesOn(SIX_MONTH_FORM, migrated, periodRange(period).end);
  const c = consolidate({ forms: [SIX_MONTH_FORM], reports: reports.filter((r) => offices.includes(r.office)), period, offices });
  return { total: c.indicators.find((i) => i.id === indicator)?.total ?? null, offices };
}

const report = (office: string, period: string, values: Record<string, unknown>): ReportForConsolidation => ({
  office,
  period,
  formId: SIX_MONTH_FORM.formId,
  formVersion: SIX_MONTH_FORM.version,
  values,
});

describe('a data folder moves from the 2022 tree to the 2025 tree', () => {
  it('the 2025 profile is the Sở Nội vụ and the 65 cited communes and wards', () => {
    expect(LANG_SON_2025.units.filter((u) => u.type === 'department').map((u) => [u.code, u.shortName, u.symbolVerified])).toEqual([['SNV', 'Sở Nội vụ', false]]);
    const communes = lowerUnits(LANG_SON_2025);
    expect(communes).toHaveLength(65);
    expect(communes.filter((u) => u.kind === 'phuong').map((u) => u.shortName).sort()).toEqual(['Phường Kỳ Lừa', 'Phường Lương Văn Tri', 'Phường Tam Thanh', 'Phường Đông Kinh'].sort());
    expect(new Set(communes.map((u) => u.officialCode)).size).toBe(65);
    expect(LANG_SON_2022.historical).toBe(true);
    expect(LANG_SON_2025.fields.find((f) => f.code === 'GIAM_NGHEO_BTXH')).toMatchObject({ owner: null, ownerCertainty: 'split' });
  });

  it('every 2022 office and commune has somewhere to go; split ones are marked', () => {
    const olds = new Set(LANG_SON_2022_TO_2025.rows.map((r) => r.old));
    for (const c of COMMUNES_2022) expect(olds.has(c)).toBe(true);
    for (const u of lowerUnits(LANG_SON_2022)) expect(olds.has(u.code)).toBe(true);
    // Bính Xá and Kiên Mộc are listed under two new units: not known whether whole.
    expect(LANG_SON_2022_TO_2025.rows.filter((r) => r.whole === null).map((r) => r.old).sort()).toEqual(['DL-BINHXA', 'DL-BINHXA', 'DL-KIENMOC', 'DL-KIENMOC']);
  });

  it('old records keep their owner: the 2022 offices stay as former units with their names', () => {
    expect(anyUnitByCode(migrated, 'VANQUAN')?.shortName).toBe(LANG_SON_2022.units.find((u) => u.code === 'VANQUAN')?.shortName);
    const vq = migrated.formerUnits.find((u) => u.code === 'VANQUAN');
    expect(vq).toMatchObject({ profileId: 'lang-son-2022', until: '2025-06-30', lower: true });
    expect(vq?.becameUnits.map((b) => b.code)).toContain('XA-VANQUAN');
    // A district went into several communes: its figures are not any one commune's.
    expect(successorOf(migrated, 'VANQUAN')).toBeNull();
    expect(successorOf(migrated, 'SO')).toBe('SNV');
    expect(() => migrateProfile(LANG_SON_2022, LANG_SON_2025, { ...LANG_SON_2022_TO_2025, rows: [{ old: 'VANQUAN', new: 'XA-KHONGCO', whole: true }] })).toThrow(
      expect.objectContaining({ code: 'MAPPING_UNKNOWN_NEW' }),
    );
  });

  it('a 2024 report of huyện Văn Quan and a 2026 report of the new communes each reach their own province total', () => {
    const reports = [
      report('VANQUAN', '2024-H1', VANQUAN_2022_H1),
      report('BINHGIA', '2024-H1', BINHGIA_2022_H1),
      report('XA-VANQUAN', '2026-H1', { 'ld.vieclam.tao_moi': 120 }),
      report('XA-DIEMHE', '2026-H1', { 'ld.vieclam.tao_moi': 75 }),
      // A stray 2026 report under an old office code counts nowhere: that office no longer reports.
      report('VANQUAN', '2026-H1', { 'ld.vieclam.tao_moi': 9_999 }),
    ];
    const y2024 = provinceTotal(reports, '2024-H1', 'ld.vieclam.tao_moi');
    expect(y2024.offices).toHaveLength(11);
    expect(y2024.offices).toContain('VANQUAN');
    expect(y2024.total).toBe(600 + 450);

    const y2026 = provinceTotal(reports, '2026-H1', 'ld.vieclam.tao_moi');
    expect(y2026.offices).toHaveLength(65);
    expect(y2026.offices).not.toContain('VANQUAN');
    expect(y2026.total).toBe(120 + 75);

    // The last half-year of the old tree is still the districts'.
    expect(lowerUnitsOn(migrated, periodRange('2025-H1').end).map((u) => u.code)).toContain('VANQUAN');
    expect(lowerUnitsOn(migrated, periodRange('2025-H2').end)).toHaveLength(65);
  });
});
