import { describe, expect, it } from 'vitest';
import {
  buildPublicList,
  onPublicList,
  publicListColumns,
  publicListCounts,
  type ListCandidate,
  type PublicListKind,
} from '../../../electron/domain/households/publicLists';
import type { ClassHistory } from '../../../electron/domain/households/changes';
import { PUBLIC_LISTING, PublicListingSchema } from '../../../electron/domain/households/forms';
import data from '../../../electron/domain/households/forms/public-listing.json' with { type: 'json' };

/*
 * Who a commune posts on which list after the 2024 review. Households of xã Tràng Các with their
 * class by year; every list is checked by the names on it, as the officer reads the posted page.
 */

let serial = 0;
function household(headName: string, village: string, members: number, history: ClassHistory, extra: Partial<ListCandidate> = {}): ListCandidate {
  serial++;
  return {
    code: `TRANGCAC-2023-${String(serial).padStart(4, '0')}`,
    headName,
    idNumber: `0201870${String(serial).padStart(5, '0')}`,
    village,
    members,
    incomePerPerson: 1_200_000,
    deprivedCount: 3,
    b1: null,
    b2: null,
    history,
    ...extra,
  };
}

const commune = [
  household('Hoàng Văn Thắng', 'Thôn Nà Làng', 5, { 2023: 'poor', 2024: 'poor' }),
  household('Lý Thị Huệ', 'Thôn Bản Chang', 3, { 2023: 'poor', 2024: 'medium' }),
  household('Nông Văn Sáng', 'Thôn Bản Chang', 4, { 2023: 'poor', 2024: 'nearPoor' }),
  household('Vi Thị Thảo', 'Thôn Nà Làng', 2, { 2023: 'nearPoor', 2024: 'above' }),
  household('Lương Văn Dũng', 'Thôn Khòn Pàn', 6, { 2023: 'nearPoor', 2024: 'poor' }),
  household('Đinh Thị Nhung', 'Thôn Khòn Pàn', 4, { 2023: 'medium', 2024: 'nearPoor' }),
  // Newly split off in 2024: no earlier record.
  household('Chu Văn Hùng', 'Thôn Nà Làng', 3, { 2024: 'poor' }),
  // Tái nghèo: poor in 2022, out in 2023, poor again in 2024 — not "phát sinh mới".
  household('Hà Thị Loan', 'Thôn Bản Chang', 2, { 2022: 'poor', 2023: 'medium', 2024: 'poor' }),
  household('Mã Văn Toàn', 'Thôn Nà Làng', 4, { 2023: 'medium', 2024: 'medium' }),
  // Poor in 2023 but no 2024 record (moved away): on no 2024 list, not "thoát nghèo".
  household('Triệu Thị Xuân', 'Thôn Khòn Pàn', 3, { 2023: 'poor' }),
];

const names = (kind: PublicListKind) => {
  const list = buildPublicList(kind, 2024, commune, true);
  return list.rows.map((r) => r.headName);
};

describe('who is on which list of xã Tràng Các, 2024', () => {
  it('hộ nghèo: poor this year, sorted by village then name', () => {
    // Vietnamese order: "Bản Chang" < "Khòn Pàn" < "Nà Làng"; within Nà Làng, Chu < Hoàng.
    expect(names('poor')).toEqual(['Hà Thị Loan', 'Lương Văn Dũng', 'Chu Văn Hùng', 'Hoàng Văn Thắng']);
  });

  it('hộ cận nghèo: near-poor this year, including a poor household that moved up', () => {
    expect(names('nearPoor')).toEqual(['Nông Văn Sáng', 'Đinh Thị Nhung']);
  });

  it('hộ thoát nghèo: poor last year, not poor this year (to near-poor counts); moved-away households are not on it', () => {
    expect(names('escapedPoor')).toEqual(['Lý Thị Huệ', 'Nông Văn Sáng']);
  });

  it('hộ thoát cận nghèo: near-poor last year, medium or above now; near-poor → poor is not an escape', () => {
    expect(names('escapedNearPoor')).toEqual(['Vi Thị Thảo']);
  });

  it('hộ nghèo phát sinh mới: never poor before (a near-poor household that fell, a new household); tái nghèo is not new', () => {
    expect(names('newPoor')).toEqual(['Lương Văn Dũng', 'Chu Văn Hùng']);
  });

  it('hộ cận nghèo phát sinh mới: near-poor for the first time', () => {
    expect(names('newNearPoor')).toEqual(['Nông Văn Sáng', 'Đinh Thị Nhung']);
  });

  it('totals households and members at the foot', () => {
    const poor = buildPublicList('poor', 2024, commune, true);
    expect(poor.totals).toEqual({ households: 4, members: 2 + 6 + 3 + 5 });
    expect(poor.rows.map((r) => r.no)).toEqual([1, 2, 3, 4]);
  });

  it('never carries the full ID number', () => {
    const rows = buildPublicList('poor', 2024, commune, true).rows;
    for (const r of rows) {
      expect(r.idMasked).toMatch(/^0201\*{6}\d{2}$/);
      expect(JSON.stringify(r)).not.toContain(commune.find((c) => c.headName === r.headName)?.idNumber);
    }
  });

  it('shows last year’s class on the movement lists', () => {
    const escaped = buildPublicList('escapedPoor', 2024, commune, true).rows;
    expect(escaped.map((r) => [r.headName, r.previousClass, r.class])).toEqual([
      ['Lý Thị Huệ', 'poor', 'medium'],
      ['Nông Văn Sáng', 'poor', 'nearPoor'],
    ]);
    expect(buildPublicList('newPoor', 2024, commune, true).rows.find((r) => r.headName === 'Chu Văn Hùng')?.previousClass).toBeNull();
  });
});

describe('a commune without last year’s records', () => {
  const firstYear = commune.map((c) => ({ ...c, history: { 2024: c.history[2024] } })).filter((c) => c.history[2024] !== undefined);

  it('still lists its poor and near-poor households', () => {
    expect(buildPublicList('poor', 2024, firstYear, false).rows).toHaveLength(4);
  });

  it('refuses the movement lists instead of calling every household new', () => {
    const list = buildPublicList('newPoor', 2024, firstYear, false);
    expect(list.available).toBe(false);
    expect(list.rows).toEqual([]);
    const counts = publicListCounts(2024, firstYear, false);
    expect(counts.poor).toEqual({ households: 4, members: 16 });
    expect(counts.escapedPoor).toBeNull();
    expect(counts.newNearPoor).toBeNull();
  });
});

describe('columns', () => {
  it('class lists carry the reason figures; movement lists add both years’ class; B1/B2 only when scored', () => {
    expect(publicListColumns('poor', false)).toEqual(['no', 'headName', 'idMasked', 'village', 'members', 'income', 'deprived']);
    expect(publicListColumns('escapedNearPoor', true)).toEqual(['no', 'headName', 'idMasked', 'village', 'members', 'previousClass', 'class', 'income', 'deprived', 'b1', 'b2']);
    const scored = [household('Dương Văn Khánh', 'Thôn Nà Làng', 4, { 2023: 'poor', 2024: 'poor' }, { b1: 110, b2: 30, incomePerPerson: null })];
    const list = buildPublicList('poor', 2024, scored, true);
    expect(list.hasScores).toBe(true);
    expect(list.rows[0]).toMatchObject({ b1: 110, b2: 30, incomePerPerson: null });
  });

  it('membership needs a record this year', () => {
    expect(onPublicList('escapedPoor', { 2023: 'poor' }, 2024)).toBe(false);
  });
});

describe('the cited public listing procedure', () => {
  it('cites Quyết định 24/2021/QĐ-TTg with its listing step, and states no number of days it could not read', () => {
    expect(PUBLIC_LISTING.procedure.document).toContain('24/2021/QĐ-TTg');
    expect(PUBLIC_LISTING.procedure.steps).toContain('Niêm yết, thông báo công khai');
    expect(PUBLIC_LISTING.notRead.some((n) => n.includes('working days'))).toBe(true);
    expect(PUBLIC_LISTING.examples.find((e) => e.document.includes('Cẩm Duệ'))?.value).toContain('hộ thoát cận nghèo 73/266');
  });

  it('refuses a file that lost the listing step', () => {
    const broken = { ...data, procedure: { ...data.procedure, steps: ['Lập danh sách hộ gia đình cần rà soát'] } };
    expect(PublicListingSchema.safeParse(broken).success).toBe(false);
  });
});
