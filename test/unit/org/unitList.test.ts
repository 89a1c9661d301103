import { describe, expect, it } from 'vitest';
import { OrgUnitDataSchema } from '../../../electron/domain/documentKinds/local';
import { LANG_SON_2022, LANG_SON_2025 } from '../../../electron/domain/profiles/builtIn';
import { checkUnitRows, codeFor, withTravelledUnits } from '../../../electron/domain/profiles/unitList';
import { say } from '../../../electron/domain/i18n/keys';
import { translator } from '../../../electron/domain/translate';

/** The Sở's unit list, row by row, against the 2025 profile (65 cited communes and wards). */
const row = (name: string, kind: string, officialCode = '', code = '') => ({ code, name, kind, officialCode });

describe('checkUnitRows', () => {
  it('makes the code as the shipped profile does when the list has none', () => {
    expect(codeFor('xa', 'Thử Nghiệm Đồi Chè')).toBe('XA-THUNGHIEMDOICHE');
    expect(codeFor('phuong', 'Đông Kinh')).toBe('PHUONG-DONGKINH');
    const check = checkUnitRows(LANG_SON_2025, [row('Phường Đông Kinh', 'phường', '05977'), row('Thử Nghiệm Bắc', 'XÃ', '99901')]);
    expect(check.known).toBe(1);
    expect(check.added.map((u) => [u.code, u.shortName, u.parent, u.citations])).toEqual([['XA-THUNGHIEMBAC', 'Xã Thử Nghiệm Bắc', 'SNV', ['unit-list']]]);
  });

  it('refuses names that are long, path-like or markup, each with its fix', () => {
    const check = checkUnitRows(LANG_SON_2025, [
      row('Thử Nghiệm '.repeat(10), 'xã'),
      row('../../etc/passwd', 'xã'),
      row('Thử <b>Nghiệm</b>', 'xã'),
      row('Thử\\Nghiệm', 'xã'),
      row('Thử\u0000Nghiệm', 'xã'),
    ]);
    expect(check.added).toEqual([]);
    expect(check.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([
      [2, 'B', 'app:units.problems.nameLong'],
      [3, 'B', 'app:units.problems.nameForm'],
      [4, 'B', 'app:units.problems.nameForm'],
      [5, 'B', 'app:units.problems.nameForm'],
      [6, 'B', 'app:units.problems.nameForm'],
    ]);
    const vi = translator('vi');
    expect(say(vi, check.problems[0]!.messageKey, check.problems[0]!.params)).toBe('Dòng 2: tên dài quá 80 ký tự.');
    expect(say(vi, check.problems[0]!.fixKey)).toBe('Ghi tên ngắn của đơn vị, không kèm ghi chú.');
  });

  it('a repeated row is one unit; the same code with another name is refused', () => {
    const check = checkUnitRows(LANG_SON_2025, [row('Thử Nghiệm Nam', 'phường', '99902'), row('  Thử   Nghiệm Nam ', 'Phường', '99902'), row('Thử Nghiệm Nam', 'phường', '99903')]);
    expect(check.added).toHaveLength(1);
    expect(check.merged).toEqual([{ code: 'PHUONG-THUNGHIEMNAM', shortName: 'Phường Thử Nghiệm Nam', rows: [2, 3] }]);
    expect(check.problems.map((p) => [p.row, p.messageKey, p.params['other']])).toEqual([[4, 'app:units.problems.duplicate', '2']]);
  });

  it('renames only units the list added before, never a cited one', () => {
    const first = checkUnitRows(LANG_SON_2025, [row('Thử Nghiệm Bắc', 'xã', '99901')]);
    const profile = withTravelledUnits(LANG_SON_2025, first.added);
    const next = checkUnitRows(profile, [row('Thử Nghiệm Bắc Sơn', 'xã', '99901', 'XA-THUNGHIEMBAC'), row('Văn Quan Mới', 'xã', '06253', 'XA-VANQUAN')]);
    expect(next.renamed.map((r) => [r.code, r.from, r.to])).toEqual([['XA-THUNGHIEMBAC', 'Xã Thử Nghiệm Bắc', 'Xã Thử Nghiệm Bắc Sơn']]);
    expect(next.problems.map((p) => p.messageKey)).toEqual(['app:units.problems.taken']);
    // A rename cannot take another unit's official code.
    const clash = checkUnitRows(profile, [row('Thử Nghiệm Bắc', 'xã', '06253', 'XA-THUNGHIEMBAC')]);
    expect(clash.renamed).toEqual([]);
    expect(clash.problems.map((p) => [p.column, p.messageKey, p.params['name']])).toEqual([['D', 'app:units.problems.officialTaken', 'Xã Văn Quan']]);
  });
});

describe('withTravelledUnits', () => {
  const unit = checkUnitRows(LANG_SON_2025, [row('Thử Nghiệm Bắc', 'xã', '99901')]).added[0]!;

  it('adds reporting units under the Sở, replaces one of the same code, never the Sở', () => {
    const renamed = { ...unit, shortName: 'Xã Thử Nghiệm Bắc Sơn' };
    const fakeSo = { ...unit, code: 'SNV', type: 'department' as const, shortName: 'Sở Giả' };
    const p = withTravelledUnits(LANG_SON_2025, [unit, renamed, fakeSo, { ...unit, code: 'XA-KHAC', parent: 'XA-VANQUAN' }]);
    expect(p.units).toHaveLength(LANG_SON_2025.units.length + 2);
    expect(p.units.find((u) => u.code === 'XA-THUNGHIEMBAC')?.shortName).toBe('Xã Thử Nghiệm Bắc Sơn');
    expect(p.units.find((u) => u.code === 'SNV')?.shortName).toBe('Sở Nội vụ');
    expect(p.units.find((u) => u.code === 'XA-KHAC')?.parent).toBe('SNV');
  });

  it('a commune is not a reporting unit of the 2022 tree: nothing is added there', () => {
    expect(withTravelledUnits(LANG_SON_2022, [unit]).units).toEqual(LANG_SON_2022.units);
  });

  it('the travelling record refuses nested, huge and path-like words', () => {
    expect(OrgUnitDataSchema.safeParse(unit).success).toBe(true);
    expect(OrgUnitDataSchema.safeParse({ ...unit, name: { vi: 'Xã Lồng' } }).success).toBe(false);
    expect(OrgUnitDataSchema.safeParse({ ...unit, name: 'x'.repeat(100_000) }).success).toBe(false);
    expect(OrgUnitDataSchema.safeParse({ ...unit, place: '/etc/passwd' }).success).toBe(false);
    expect(OrgUnitDataSchema.safeParse({ ...unit, aliases: Array.from({ length: 1000 }, () => 'xã thử') }).success).toBe(false);
  });
});
