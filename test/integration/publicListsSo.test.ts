import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorsOf, sampleCommunes, standardForYear, type HouseholdInput } from '../../electron/core/households';
import { loadWorkbook } from '../../electron/core/files/xlsx';
import { PUBLIC_LIST_KINDS } from '../../electron/domain/households/publicLists';
import type { Sector } from '../../electron/domain/households/sector';
import { carry, usbStick } from './syncHelpers';
import { twoOfficesWithKeys, type Office } from './twoOffices';

/*
 * The Sở reads a commune's lists for public listing from the records Văn Quan sent: Văn Quan
 * enters its 2024 and 2025 households (poor, near-poor, medium of each sector, with and without a
 * Giấy đề nghị), exports a bundle to a folder standing for the USB stick, the Sở imports it, and
 * every list of xã Tràng Các at the Sở is Văn Quan's own list, row for row, in the window and in
 * the Excel file.
 */

const clock = Date.UTC(2025, 11, 5, 3, 0);
const now = (): number => clock;
const usb = usbStick('lists-so');
const communes = sampleCommunes('VANQUAN');
const xa = communes.find((c) => c.kind === 'xa');
if (!xa) throw new Error('no xã in the sample');
const deprived = indicatorsOf(standardForYear(2025)).map((i) => i.code).slice(0, 3);

type Cls = 'poor' | 'nearPoor' | 'medium' | 'above';
/** Rural lines of Nghị định 07/2021 (poor ≤ 1.500.000 đ with 3+ deprivations; medium ≤ 2.250.000 đ). */
const figures: Record<Cls, { incomePerPerson: number; deprived: string[] }> = {
  poor: { incomePerPerson: 1_200_000, deprived },
  nearPoor: { incomePerPerson: 1_300_000, deprived: [] },
  medium: { incomePerPerson: 2_000_000, deprived: [] },
  above: { incomePerPerson: 3_600_000, deprived: [] },
};

let so: Office;
let vq: Office;

const household = (code: string, headName: string, idNumber: string, village: string, members: number, year: number, cls: Cls, more: { sector?: Sector; requestOn?: string } = {}): HouseholdInput => ({
  code,
  headName,
  idNumber,
  ethnicity: 'Tày',
  communeCode: xa.code,
  village,
  area: 'rural',
  members,
  ...figures[cls],
  ...(more.sector ? { sector: more.sector } : {}),
  ...(more.requestOn ? { mediumRequest: { receivedOn: more.requestOn } } : {}),
  reviewYear: year,
  standardId: standardForYear(year).id,
});

const save = (h: HouseholdInput) => vq.call('households.save', { household: h });

beforeAll(async () => {
  ({ so, vq } = await twoOfficesWithKeys({ now, usb }));
  await vq.call('households.communes.importSample', {});
  const people: [string, string, string, string, number, Cls, Cls, { sector?: Sector; requestOn?: string }?][] = [
    ['VQ-0001', 'Hoàng Văn Thắng', '020087001234', 'Thôn Nà Làng', 5, 'poor', 'poor'],
    ['VQ-0002', 'Lý Thị Huệ', '020187002345', 'Thôn Bản Chang', 3, 'poor', 'medium', { sector: 'agriculture', requestOn: '2025-10-20' }],
    ['VQ-0003', 'Vi Thị Thảo', '020190003456', 'Thôn Nà Làng', 2, 'nearPoor', 'medium', { sector: 'forestry' }],
    ['VQ-0004', 'Nông Văn Bình', '020085004567', 'Thôn Bản Chang', 4, 'medium', 'medium', { sector: 'other', requestOn: '2025-10-21' }],
    ['VQ-0005', 'Chu Thị Mai', '020192005678', 'Thôn Nà Làng', 6, 'nearPoor', 'nearPoor'],
    ['VQ-0006', 'Đinh Văn Long', '020080006789', 'Thôn Bản Chang', 4, 'nearPoor', 'above'],
    ['VQ-0007', 'Hà Thị Loan', '020191007890', 'Thôn Nà Làng', 3, 'medium', 'poor'],
  ];
  for (const [code, name, id, village, members, was, is, more] of people) {
    await save(household(code, name, id, village, members, 2024, was));
    await save(household(code, name, id, village, members, 2025, is, more));
  }
});
afterAll(async () => {
  await so?.core.close();
  await vq?.core.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('the Giấy đề nghị at the office', () => {
  it('refuses a request received after today', async () => {
    await expect(save(household('VQ-0009', 'Lương Văn Dũng', '020088009012', 'Thôn Nà Làng', 4, 2025, 'medium', { sector: 'salt', requestOn: '2025-12-06' }))).rejects.toMatchObject({
      code: 'MEDIUM_REQUEST_FUTURE',
      params: { day: '06/12/2025' },
    });
  });

  it('lists the medium households of the four sectors, with the request day and how many handed one in', async () => {
    const view = await vq.call('households.publicList', { year: 2025, communeCode: xa.code, kind: 'medium' });
    expect(view.list.rows.map((r) => [r.headName, r.sector, r.requestOn])).toEqual([
      ['Lý Thị Huệ', 'agriculture', '2025-10-20'],
      ['Vi Thị Thảo', 'forestry', null],
    ]);
    expect(view.list.totals).toEqual({ households: 2, members: 5, withRequest: 1 });
    const wb = await loadWorkbook(Buffer.from((await vq.call('households.publicListXlsx', { year: 2025, communeCode: xa.code, kind: 'medium' })).base64, 'base64'));
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(3)).toEqual(['STT', 'Họ và tên chủ hộ', 'Số CCCD (che một phần)', 'Thôn/bản/tổ dân phố', 'Số nhân khẩu', 'Ngành nghề', 'Thu nhập BQ/người/tháng (đồng)', 'Ngày nộp giấy đề nghị']);
    expect(values(4)).toEqual([1, 'Lý Thị Huệ', '0201******45', 'Thôn Bản Chang', 3, 'Nông nghiệp', 2_000_000, '20/10/2025']);
    expect(values(5)).toEqual([2, 'Vi Thị Thảo', '0201******56', 'Thôn Nà Làng', 2, 'Lâm nghiệp', 2_000_000]);
    expect(values(6)).toEqual(['Tổng cộng', '2 hộ', undefined, undefined, 5, undefined, undefined, 'trong đó có giấy đề nghị: 1 hộ']);
  });
});

describe('the Sở opens Văn Quan’s lists from the bundle it received', () => {
  it('has no commune of Văn Quan before the bundle, but offers the office to pick', async () => {
    const meta = await so.call('households.meta', {});
    expect(meta.units.map((u) => u.code)).toContain('VANQUAN');
    expect(meta.communes.filter((c) => c.office === 'VANQUAN')).toEqual([]);
    await expect(so.call('households.publicList', { year: 2025, communeCode: xa.code, office: 'VANQUAN', kind: 'poor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('after the import, every list of xã Tràng Các is the office’s own, row for row', async () => {
    await carry(vq, so);
    const meta = await so.call('households.meta', {});
    expect(meta.communes.filter((c) => c.office === 'VANQUAN').map((c) => c.code)).toContain(xa.code);
    for (const year of [2024, 2025]) {
      for (const kind of PUBLIC_LIST_KINDS) {
        const input = { year, communeCode: xa.code, kind } as const;
        const office = await vq.call('households.publicList', input);
        const atSo = await so.call('households.publicList', { ...input, office: 'VANQUAN' });
        expect(atSo, `${kind} ${year}`).toEqual(office);
      }
    }
    // Not empty lists compared with empty ones: the Sở sees the households.
    const poor = await so.call('households.publicList', { year: 2025, communeCode: xa.code, office: 'VANQUAN', kind: 'poor' });
    expect(poor.list.rows.map((r) => r.headName)).toEqual(['Hà Thị Loan', 'Hoàng Văn Thắng']);
    expect(poor.counts).toMatchObject({ medium: { households: 2, members: 5, withRequest: 1 }, escapedPoor: { households: 1, members: 3 }, escapedNearPoor: { households: 2, members: 6 } });
  });

  it('exports the same Excel file as the office', async () => {
    for (const kind of ['medium', 'escapedPoor'] as const) {
      const cells = async (at: Office, office?: string) => {
        const file = await at.call('households.publicListXlsx', { year: 2025, communeCode: xa.code, kind, ...(office ? { office } : {}) });
        const ws = (await loadWorkbook(Buffer.from(file.base64, 'base64'))).worksheets[0];
        const out: unknown[][] = [];
        ws?.eachRow((row) => void out.push((row.values as unknown[]).slice(1)));
        return { fileName: file.fileName, out };
      };
      expect(await cells(so, 'VANQUAN')).toEqual(await cells(vq));
    }
  });
});
