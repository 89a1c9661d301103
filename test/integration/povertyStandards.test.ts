import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import type { Doc } from '../../electron/domain/document';
import nd07 from '../../electron/domain/households/standards/nd07-2021.json' with { type: 'json' };
import testOnly2027 from '../fixtures/standards/TEST-ONLY-standard-2027.json' with { type: 'json' };
import { carry, usbStick } from './syncHelpers';
import { twoOfficesWithKeys, type Office } from './twoOffices';
import { forgedBundle } from './forgedBundle';

/**
 * Standards as Sở-signed data, through real bundle files between real data folders: the Sở
 * loads a standard for 2027–2030 (none ships: Nghị định 351/2025's medium band and indicators
 * are not known) and a replacement of the built-in nd07-2021; Văn Quan classifies by them only
 * once the bundle has arrived. Then what must be refused: an office's forged standard, lines out
 * of order (at the page and inside a Sở-signed bundle), huge and nested files.
 */
let clock = Date.UTC(2027, 2, 2, 2, 0);
const now = (): number => clock;
const usb = usbStick('standards');
const opened: Office[] = [];
let so: Office;
let vq: Office;
let seq = 500;
/** Văn Quan's 2025 household at 1.900.000 đ with three deprivations (saved by the first block). */
let saved2025 = '';

afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

beforeAll(async () => {
  ({ so, vq } = await twoOfficesWithKeys({ now, usb }));
  opened.push(so, vq);
  await vq.call('households.communes.importSample', {});
});

const json = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
const load = (at: Office, value: unknown, fileName = 'chuan-ngheo.json') => at.call('households.standards.importJson', { base64: json(value), fileName });

const [template] = generateHouseholds({ seed: 11, count: 1, communes: sampleCommunes('VANQUAN'), reviewYear: 2025 });
if (!template) throw new Error('no household');
/** A rural household with `income` đồng a month and three deprivations, in `year`. */
const household = (year: number, income: number, idNumber: string) => ({
  ...template,
  code: '',
  idNumber,
  reviewYear: year,
  area: 'rural' as const,
  incomePerPerson: income,
  deprived: ['water', 'sanitation', 'healthInsurance'],
  standardId: 'nd07-2021',
});

describe('a standard for 2027–2030 sent by the Sở', () => {
  it('before it: the page says what is missing, and a 2027 household cannot be classified', async () => {
    const view = await vq.call('households.standards.list', {});
    expect(view.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(view.years.map((y) => (y.status === 'builtIn' || y.status === 'fromSo' ? y.standard.id : y.status))).toEqual([
      'qd59-2015', 'nd07-2021', 'nd07-2021', 'nd07-2021', 'nd07-2021', 'nd07-2021', 'notLoaded', 'notLoaded', 'notLoaded', 'notLoaded',
    ]);
    const y2027 = view.years[6];
    expect(y2027?.status === 'notLoaded' && y2027.missing).toEqual(['medium', 'indicators']);
    expect(y2027?.status === 'notLoaded' && y2027.known.legalBasis).toContain('351/2025/NĐ-CP');
    const y2025 = view.years[4];
    expect(y2025?.status === 'builtIn' && y2025.sources.map((s) => s.document)).toContain('Nghị định 30/2025/NĐ-CP');
    expect(view.canLoad).toBe(false);
    await expect(vq.call('households.save', { household: household(2027, 1_900_000, '020199270001') })).rejects.toMatchObject({ code: 'HOUSEHOLD_NO_STANDARD_FOR_YEAR' });
  });

  it('an office cannot load one', async () => {
    await expect(load(vq, testOnly2027)).rejects.toMatchObject({ code: 'STANDARD_SO_ONLY' });
  });

  it('the Sở loads it; Văn Quan uses it only after the bundle arrives', async () => {
    const at = await load(so, testOnly2027, 'chuan-2027.json');
    const y2027 = at.years.find((y) => y.year === 2027);
    expect(y2027).toMatchObject({ status: 'fromSo', standard: { id: 'thu-nghiem-2027' }, sent: { fileName: 'chuan-2027.json', importedBy: 'Nguyễn Mạnh Cường', replacesBuiltIn: false } });
    // Not yet at the office.
    expect((await vq.call('households.standards.list', {})).years[6]?.status).toBe('notLoaded');

    clock += 60_000;
    await carry(so, vq);
    const view = await vq.call('households.standards.list', {});
    expect(view.years.slice(6).map((y) => y.status)).toEqual(['fromSo', 'fromSo', 'fromSo', 'fromSo']);
    expect((await vq.call('households.meta', {})).standards.map((s) => s.id)).toEqual(['thu-nghiem-2027', 'nd07-2021', 'qd59-2015']);

    // 1.900.000 đ is above 2021–2026's rural line (1.500.000) but below 2027's (2.200.000).
    const saved = await vq.call('households.save', { household: household(2027, 1_900_000, '020199270001') });
    expect(saved.household.standardId).toBe('thu-nghiem-2027');
    expect(saved.class).toBe('poor');
    const same2025 = await vq.call('households.save', { household: household(2025, 1_900_000, '020199250001') });
    expect(same2025.class).toBe('medium');
    saved2025 = same2025.id;
  });
});

describe('a replacement of the built-in nd07-2021 sent by the Sở', () => {
  const raised = { ...nd07, title: 'Chuẩn nghèo 2022-2026 (Sở điều chỉnh, thử nghiệm)', lines: { rural: { poverty: 2_000_000, medium: 3_000_000 }, urban: { poverty: 2_500_000, medium: 3_500_000 } } };

  it('is refused unless it says it replaces the built-in', async () => {
    await expect(load(so, raised)).rejects.toMatchObject({ code: 'STANDARD_SAME_ID_AS_BUILT_IN', params: { standardId: 'nd07-2021' } });
    await expect(load(so, { ...raised, id: 'lang-son-2025' })).rejects.toMatchObject({ code: 'STANDARD_YEARS_OVERLAP', params: { otherId: 'nd07-2021', from: 2022, to: 2026 } });
    await expect(load(so, { ...raised, id: 'khong-co', replacesBuiltIn: true })).rejects.toMatchObject({ code: 'STANDARD_REPLACES_NOTHING' });
  });

  it('reclassifies the office’s stored records once it arrives: list, record and summary agree', async () => {
    const before = await vq.call('households.list', { year: 2025, filter: {} });
    const row = before.rows.find((r) => r.id === saved2025);
    expect(row?.class).toBe('medium');
    const summaryBefore = await vq.call('households.summary', { year: 2025 });
    const poorBefore = summaryBefore.summary.total.poor;
    // The Sở holds Văn Quan's households too; its table by office comes from per-office counts,
    // which must follow the standard it loads as the rows do.
    clock += 60_000;
    await carry(vq, so);
    const soPoorBefore = (await so.call('households.summary', { year: 2025 })).summary.total.poor;

    clock += 60_000;
    await load(so, { ...raised, replacesBuiltIn: true });
    expect((await so.call('households.summary', { year: 2025 })).summary.total.poor).toBe(soPoorBefore + 1);
    clock += 60_000;
    await carry(so, vq);

    const y2025 = (await vq.call('households.standards.list', {})).years.find((y) => y.year === 2025);
    expect(y2025).toMatchObject({ status: 'fromSo', standard: { id: 'nd07-2021', title: 'Chuẩn nghèo 2022-2026 (Sở điều chỉnh, thử nghiệm)' }, sent: { replacesBuiltIn: true } });
    // The stored class was stamped by the built-in: its stamp no longer holds, the rule runs again.
    const record = await vq.call('households.get', { id: row?.id ?? '' });
    expect(record.class).toBe('poor');
    expect((await vq.call('households.list', { year: 2025, filter: {} })).rows.find((r) => r.id === row?.id)?.class).toBe('poor');
    expect((await vq.call('households.summary', { year: 2025 })).summary.total.poor).toBe(poorBefore + 1);

    // Withdrawn by the Sở: the built-in applies again at the office.
    clock += 60_000;
    await so.call('households.standards.remove', { standardId: 'nd07-2021' });
    clock += 60_000;
    await carry(so, vq);
    expect((await vq.call('households.get', { id: row?.id ?? '' })).class).toBe('medium');
    expect((await vq.call('households.standards.list', {})).years.find((y) => y.year === 2025)?.status).toBe('builtIn');
  });
});

describe('what is refused', () => {
  const stamp = (node: string): string => {
    clock += 1000;
    return `${String(clock).padStart(15, '0')}-000000-${node}`;
  };

  /** A bundle signed with `from`'s own keys, as a modified app of that office would write it. */
  async function forged(from: Office, fromCode: string, to: Office, toCode: string, docs: Doc[]): Promise<{ name: string; base64: string }> {
    seq += 1;
    return forgedBundle(from, fromCode, to, toCode, docs, seq, new Date(clock));
  }

  const standardDoc = (owner: string, node: string, standard: unknown): Doc => ({
    id: `povertyStandard:${owner}:${(standard as { id: string }).id}`,
    kind: 'povertyStandard',
    owner,
    rev: 1,
    hlc: stamp(node),
    author: node,
    data: { standard, replacesBuiltIn: false, sources: [], fileName: 'gia-mao.json', importedAt: new Date(clock).toISOString(), importedBy: 'Không rõ' },
  });

  it('a standard forged by an office, in a bundle signed with its own keys, is refused by the Sở', async () => {
    const node = vq.core.context.settings().node;
    const lowered = { ...testOnly2027, id: 'ha-chuan-2027', reviewYears: { from: 2031, to: 2032 }, lines: { rural: { poverty: 100_000, medium: 200_000 }, urban: { poverty: 100_000, medium: 200_000 } } };
    const file = await forged(vq, 'VANQUAN', so, 'SO', [standardDoc('VANQUAN', node, lowered), standardDoc('SO', node, lowered)]);
    const report = (await so.call('sync.import', { files: [file] })).bundles[0];
    // Its own: not a kind an office writes. Under the Sở's name: not the sender's.
    expect(report?.refused.map((r) => [r.kind, r.owner, r.reason])).toEqual([
      ['povertyStandard', 'VANQUAN', 'kind'],
      ['povertyStandard', 'SO', 'owner'],
    ]);
    expect(so.core.context.store.list('povertyStandard').map((d) => d.id)).not.toContain('povertyStandard:VANQUAN:ha-chuan-2027');
    expect((await so.call('households.meta', {})).standards.map((s) => s.id)).not.toContain('ha-chuan-2027');
  });

  it('lines out of order: refused at the page with the line named, and inside a Sở-signed bundle', async () => {
    const swapped = { ...testOnly2027, id: 'dao-nguoc', reviewYears: { from: 2031, to: 2031 }, rule: { bands: [{ class: 'medium', incomeAtMost: 'medium' }, { class: 'poor', incomeAtMost: 'poverty', minDeprivations: 3 }] } };
    await expect(load(so, swapped)).rejects.toMatchObject({ code: 'STANDARD_LINES_OUT_OF_ORDER', params: { area: 'rural', line: 'poverty', after: 'medium' } });
    // Medium below poverty is refused by the standard's own schema, naming the place.
    const mediumLow = { ...testOnly2027, id: 'trung-binh-thap', reviewYears: { from: 2031, to: 2031 }, lines: { ...testOnly2027.lines, urban: { poverty: 2_800_000, medium: 2_000_000 } } };
    await expect(load(so, mediumLow)).rejects.toMatchObject({ code: 'STANDARD_INVALID', params: { where: 'standard.lines.urban' } });

    const node = so.core.context.settings().node;
    const file = await forged(so, 'SO', vq, 'VANQUAN', [standardDoc('SO', node, swapped)]);
    const report = (await vq.call('sync.import', { files: [file] })).bundles[0];
    expect(report?.refused).toEqual([{ id: 'povertyStandard:SO:dao-nguoc', kind: 'povertyStandard', owner: 'SO', reason: 'shape', field: expect.stringContaining('standard.lines') }]);
    expect(vq.core.context.store.get('povertyStandard:SO:dao-nguoc')).toBeUndefined();
  });

  it('huge, nested, not JSON, and without indicators: each refused with its code', async () => {
    const huge = Buffer.alloc(270 * 1024, 0x20).toString('base64');
    await expect(so.call('households.standards.importJson', { base64: huge, fileName: 'lon.json' })).rejects.toMatchObject({ code: 'STANDARD_FILE_TOO_LARGE' });
    const nested = Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}`).toString('base64');
    await expect(so.call('households.standards.importJson', { base64: nested, fileName: 'long.json' })).rejects.toMatchObject({ code: 'STANDARD_FILE_TOO_DEEP' });
    const deepInside = { ...testOnly2027, id: 'long-sau', note: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown };
    await expect(load(so, deepInside)).rejects.toMatchObject({ code: 'STANDARD_FILE_TOO_DEEP' });
    await expect(so.call('households.standards.importJson', { base64: Buffer.from('chuẩn nghèo: 2.200.000').toString('base64'), fileName: 'a.txt' })).rejects.toMatchObject({ code: 'STANDARD_FILE_NOT_JSON' });
    await expect(load(so, { ...testOnly2027, id: 'khong-chi-so', reviewYears: { from: 2031, to: 2031 }, services: [] })).rejects.toMatchObject({ code: 'STANDARD_INVALID', params: { where: 'standard.services' } });
    // Nothing of these reached the store.
    expect(so.core.context.store.list('povertyStandard').map((d) => d.data['standard'] && (d.data['standard'] as { id: string }).id)).toEqual(['thu-nghiem-2027']);
  });
});
