import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { loadWorkbook, workbookBuffer } from '../../electron/core/files/xlsx';
import { communeLabel } from '../../electron/domain/households/communes';
import { vanQuanWithCommunes, type Office } from './twoOffices';

const communes = sampleCommunes('VANQUAN');
let vq: Office;

beforeAll(async () => {
  vq = await vanQuanWithCommunes();
});
afterAll(async () => {
  await vq.core.close();
});

/** The template with rows typed in under its header, as an officer fills it. */
async function fillTemplate(year: number, rows: Array<Record<string, string | number>>, extraHeaders: string[] = [], dropHeaders: string[] = []): Promise<string> {
  const file = await vq.call('households.template', { year });
  const wb = await loadWorkbook(Buffer.from(file.base64, 'base64'));
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const header = ws.getRow(4);
  for (const h of dropHeaders) header.eachCell((c) => void (c.value === h && (c.value = 'Cột bỏ')));
  let last = header.cellCount;
  for (const h of extraHeaders) header.getCell(++last).value = h;
  const col = new Map<string, number>();
  header.eachCell((c, n) => col.set(String(c.value), n));
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) {
      const n = col.get(k);
      if (n === undefined) throw new Error(`no column ${k}`);
      ws.getRow(5 + i).getCell(n).value = v;
    }
  });
  return (await workbookBuffer(wb)).toString('base64');
}

const [a, b] = generateHouseholds({ seed: 31, count: 2, communes, reviewYear: 2025 });
const commune = communes.find((c) => c.code === a?.communeCode);
const base = (h: NonNullable<typeof a>) => ({
  'Họ và tên chủ hộ': h.headName,
  'Số CCCD/CMND': h.idNumber,
  'Dân tộc': h.ethnicity,
  'Xã/phường/thị trấn': commune ? communeLabel(commune) : '',
  'Số nhân khẩu': h.members,
  'Thu nhập BQ người/tháng (đồng)': 1_200_000,
});

describe('mẫu danh sách hộ', () => {
  it('every header of the template is one the import reads, and a filled template imports', async () => {
    if (!a) throw new Error('no household');
    const base64 = await fillTemplate(2025, [{ ...base(a), 'Nguồn nước sinh hoạt': 'x', 'Nhà tiêu hợp vệ sinh': 'x', 'Bảo hiểm y tế': 'x' }]);
    const preview = await vq.call('households.import.preview', { base64, fileName: 'mau.xlsx', year: 2025 });
    expect(preview.unmapped).toEqual([]);
    expect(preview.columns.filter((c) => c.field.startsWith('indicator:'))).toHaveLength(12);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.valid).toBe(1);
    expect(preview.byClass.poor).toBe(1);
    expect(preview.countOnly).toBe(0);
  });

  it('a list with only "Số chỉ số thiếu hụt" imports, classified by the count, with a warning', async () => {
    if (!a || !b) throw new Error('no household');
    const indicators = ['Việc làm', 'Người phụ thuộc trong hộ gia đình', 'Dinh dưỡng', 'Bảo hiểm y tế', 'Trình độ giáo dục của người lớn', 'Tình trạng đi học của trẻ em', 'Chất lượng nhà ở', 'Diện tích nhà ở bình quân đầu người', 'Nguồn nước sinh hoạt', 'Nhà tiêu hợp vệ sinh', 'Sử dụng dịch vụ viễn thông', 'Phương tiện phục vụ tiếp cận thông tin'];
    const base64 = await fillTemplate(
      2025,
      [
        { ...base(a), 'Số chỉ số thiếu hụt': 4 },
        { ...base(b), 'Số chỉ số thiếu hụt': 1 },
      ],
      ['Số chỉ số thiếu hụt'],
      indicators,
    );
    const preview = await vq.call('households.import.preview', { base64, fileName: 'chi-co-so-chi-so.xlsx', year: 2025 });
    expect(preview.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([]);
    expect(preview.counts.valid).toBe(2);
    expect(preview.countOnly).toBe(2);
    expect(preview.byClass).toMatchObject({ poor: 1, nearPoor: 1 });
    await vq.call('households.import.commit', { token: preview.token });
    const poor = (await vq.call('households.list', { year: 2025, filter: { class: 'poor' } })).rows.find((r) => r.headName === a.headName);
    expect(poor).toBeDefined();
    const record = await vq.call('households.get', { id: poor?.id ?? '' });
    expect(record.household.deprivedCount).toBe(4);
    expect(record.household.deprived).toEqual([]);
    expect(record.class).toBe('poor');
  });

  it('refuses a count smaller than the indicators marked on the same row', async () => {
    if (!a) throw new Error('no household');
    const base64 = await fillTemplate(2025, [{ ...base(a), 'Nguồn nước sinh hoạt': 'x', 'Nhà tiêu hợp vệ sinh': 'x', 'Số chỉ số thiếu hụt': 1 }], ['Số chỉ số thiếu hụt']);
    const preview = await vq.call('households.import.preview', { base64, fileName: 'sai.xlsx', year: 2025 });
    expect(preview.errors.map((e) => e.column)).toEqual(['Số chỉ số thiếu hụt']);
  });
});
