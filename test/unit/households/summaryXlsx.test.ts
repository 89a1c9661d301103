import { describe, expect, it } from 'vitest';
import { CommuneSchema } from '../../../electron/domain/households/communes';
import { summariseRecords } from '../../../electron/domain/households/summary';
import { summaryXlsx } from '../../../electron/core/households/store/exports';
import { loadWorkbook } from '../../../electron/core/files/xlsx';
import type { SummaryView } from '../../../electron/contract/households';

/** Phường Đông Kinh (2025 tree), one poor household, its total of households not entered or entered. */
function view(totalHouseholds?: number): SummaryView {
  const ward = CommuneSchema.parse({ code: 'PHUONG-DONGKINH', name: 'Đông Kinh', kind: 'phuong', ...(totalHouseholds ? { totalHouseholds: { '2026': totalHouseholds } } : {}) });
  const summary = summariseRecords(
    [{ code: 'PHUONG-DONGKINH-2026-0001', reviewYear: 2026, communeCode: ward.code, area: 'urban', cls: 'poor', minority: true, merit: false }],
    { year: 2026, communes: [ward] },
  );
  return {
    summary,
    scope: 'district',
    year: 2026,
    standardTitle: 'Nghị định 07/2021/NĐ-CP',
    issuer: { name: 'Ủy ban nhân dân phường Đông Kinh', parentBody: '', symbol: 'UBND', place: 'Đông Kinh', district: '' },
    date: '2026-12-05',
  };
}

async function sheet(v: SummaryView): Promise<{ rows: Map<string, unknown[]>; text: string[] }> {
  const wb = await loadWorkbook(Buffer.from((await summaryXlsx(v)).base64, 'base64'));
  const ws = wb.worksheets[0];
  const rows = new Map<string, unknown[]>();
  const text: string[] = [];
  ws?.eachRow((r) => {
    const values = (r.values as unknown[]).slice(1);
    text.push(String(values[0] ?? ''));
    rows.set(String(values[0] ?? ''), values.slice(1));
  });
  return { rows, text };
}

describe('summary Excel file', () => {
  it('writes "—" for a total of households not known, no rate, and says where to enter it', async () => {
    const { rows, text } = await sheet(view());
    // Columns after the name: households, reviewed, poor, poor %, … as SUMMARY_COLUMNS.
    for (const label of ['Phường Đông Kinh', 'Khu vực nông thôn', 'Khu vực thành thị']) {
      expect(rows.get(label)?.[0]).toBe('—');
    }
    expect(rows.get('Phường Đông Kinh')?.slice(1, 4)).toEqual([1, 1, undefined]);
    expect(text.some((t) => t.startsWith('“—”: chưa có tổng số hộ dân cư năm 2026'))).toBe(true);
  });

  it('writes the figures and no note once the total is entered; the rural row of a ward stays "—"', async () => {
    const { rows, text } = await sheet(view(3150));
    expect(rows.get('Phường Đông Kinh')?.slice(0, 4)).toEqual([3150, 1, 1, 0.03]);
    expect(rows.get('Khu vực thành thị')?.[0]).toBe(3150);
    expect(rows.get('Khu vực nông thôn')?.[0]).toBe('—');
    expect(text.some((t) => t.startsWith('“—”'))).toBe(false);
  });
});
