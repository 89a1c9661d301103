import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { writeContainer } from '../../electron/core/bundles/zip';
import { signManifest } from '../../electron/core/bundles/signature';
import { createIdentityStore } from '../../electron/core/sync/identityStore';
import { errorMessage } from '../../electron/domain/translate';
import type { Input } from '../../electron/contract';
import type { BundleReport } from '../../electron/contract/sync';
import { exchangeKeys, exportTo, filesIn, hashTree, usbStick } from './syncHelpers';
import { forgedBundle } from './forgedBundle';
import { openOffice, type Office } from './twoOffices';
import { VANQUAN_2022_H1 } from '../unit/reports/samples';

/**
 * The Sở moved its folder to the 2025 tree (SO → SNV). Huyện Văn Quan's office cannot move (its
 * area was split between communes) and sends its last data — households and the first half of
 * 2025 — addressed to "SO", the only Sở it knows. The Sở Nội vụ takes it as its own, checked
 * like any bundle, and says so; a bundle for any other former unit stays refused, and so does
 * a file whose recipient was changed after it was signed.
 */
let clock = Date.parse('2025-06-02T02:00:00Z');
const now = (): number => clock;
const SIX = 'ldtbxh-6-thang';
const usb = usbStick('former');
let so: Office;
let vq: Office;
let seq = 100;
const communes = sampleCommunes('VANQUAN');
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const filesOf = (dir: string) => filesIn(dir).map((f) => ({ name: path.basename(f), base64: b64(readFileSync(f)) }));
/** Văn Quan's half-year values, the per-commune rows under its own commune codes. */
function vqValues(overrides: Record<string, number> = {}): Input<'reports.save'>['values'] {
  const rows = Object.values(VANQUAN_2022_H1['gn.theo_xa']);
  const table = Object.fromEntries(rows.map((r, i) => [communes[i]?.code ?? `VQ-${i}`, r]));
  return { ...VANQUAN_2022_H1, 'gn.theo_xa': table, ...overrides };
}
const db = (o: Office): Record<string, string> => hashTree(path.join(o.dataDir, 'db'));

/** Imports files at `to`; a refusal must leave every file under db/ as it was. */
async function importAt(to: Office, files: Array<{ name: string; base64: string }>): Promise<BundleReport> {
  const before = db(to);
  const report = await to.call('sync.import', { files });
  const b = report.bundles[0] as BundleReport;
  if (b.status !== 'applied') expect(db(to)).toEqual(before);
  return b;
}

beforeAll(async () => {
  so = await openOffice('so', 'SO', 'Nguyễn Văn Sở', { now });
  vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
  await so.call('reports.installDefaults', {});
  await exchangeKeys(so, vq, usb);
  const first = await exportTo(so, 'VANQUAN', usb);
  expect((await importAt(vq, filesOf(first.dir))).status).toBe('applied');
  await vq.call('households.communes.importSample', {});
}, 120_000);
afterAll(async () => {
  for (const o of [so, vq]) await o?.core.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('một Sở chưa chuyển cây tổ chức: như trước', () => {
  it('a bundle to "SO" is taken with no note; one to "SNV" is not for this Sở', async () => {
    const out = await exportTo(vq, 'SO', usb);
    const b = await importAt(so, filesOf(out.dir));
    expect(b.status).toBe('applied');
    expect(b.warnings.map((w) => w.code)).not.toContain('FORMER_RECIPIENT');

    const toSnv = await forgedBundle(vq, 'VANQUAN', so, 'SNV', [], seq++, new Date(clock));
    const refused = await importAt(so, [toSnv]);
    expect(refused.error?.code).toBe('WRONG_RECIPIENT');
  });
});

describe('Sở đã chuyển sang Sở Nội vụ nhận gói gửi tới mã cũ SO', () => {
  let lastFromVq: string[] = [];

  it('Văn Quan’s last data, addressed to SO, is imported at the Sở Nội vụ and keeps its owner', async () => {
    expect((await so.call('app.profile.migrate', { to: 'lang-son-2025', dryRun: false })).applied).toBe(true);
    expect(so.core.context.session().office.code).toBe('SNV');

    // Văn Quan still works on the 2022 tree: its households and its report of 1/2025–6/2025.
    clock = Date.parse('2025-06-25T02:00:00Z');
    for (const h of generateHouseholds({ seed: 2025, count: 9, communes, reviewYear: 2025 })) {
      await vq.call('households.save', { household: { ...h, code: '', standardId: 'nd07-2021' } });
    }
    await vq.call('reports.save', { formId: SIX, period: '2025-H1', values: vqValues(), complete: true });
    const out = await exportTo(vq, 'SO', usb);
    expect(out.result.bundles[0]?.to).toBe('SO');
    lastFromVq = filesIn(out.dir);

    const b = await importAt(so, filesOf(out.dir));
    expect(b.status, JSON.stringify(b.error)).toBe('applied');
    expect(b.recipient).toBe('SO');
    expect(b.sender).toMatchObject({ office: 'VANQUAN', trust: 'pinned' });
    expect(b.refused).toEqual([]);
    expect(b.totals.new).toBeGreaterThanOrEqual(9 + 1);
    // The chain of Văn Quan's bundles to the Sở goes on: no gap, no break.
    expect(b.warnings.map((w) => w.code)).toEqual(['FORMER_RECIPIENT']);
    const note = b.warnings[0];
    expect(note?.params).toMatchObject({ formerCode: 'SO', ourCode: 'SNV', ourName: 'Sở Nội vụ', office: 'Phòng LĐTBXH Văn Quan' });
    const said = errorMessage({ code: 'FORMER_RECIPIENT', messageKey: note?.messageKey ?? '', params: note?.params ?? {} }, 'vi');
    expect(said).toContain('gửi tới mã cũ SO');
    expect(said).toContain('nay là SNV (Sở Nội vụ)');
    expect(errorMessage({ code: 'FORMER_RECIPIENT', messageKey: note?.messageKey ?? '', params: note?.params ?? {} }, 'en')).toContain('former code SO');

    // Records keep Văn Quan as their owner.
    const households = so.core.context.store.list('household').filter((d) => !d.deleted);
    expect(households).toHaveLength(9);
    expect(new Set(households.map((d) => d.owner))).toEqual(new Set(['VANQUAN']));
  });

  it('the data is visible: the summary’s "đơn vị cũ" row and Văn Quan’s half-year in the province total', async () => {
    const summary = await so.call('households.summary', { year: 2025 });
    expect(summary.summary.rows.find((r) => r.key === 'VANQUAN')).toMatchObject({ former: true, total: 9 });
    const h1 = await so.call('reports.consolidate', { formId: SIX, period: '2025-H1' });
    expect(h1.offices.map((o) => o.code)).toContain('VANQUAN');
    expect(h1.consolidation.indicators.find((i) => i.id === 'ld.vieclam.tao_moi')?.total).toBe(VANQUAN_2022_H1['ld.vieclam.tao_moi']);
  });

  it('the same file again is a replay, refused as already imported', async () => {
    const again = await importAt(so, lastFromVq.map((f) => ({ name: path.basename(f), base64: b64(readFileSync(f)) })));
    expect(again.error?.code).toBe('ALREADY_IMPORTED');
  });

  it('a bundle addressed to another former unit (huyện Bình Gia’s office) is refused, with the reason', async () => {
    const docs = so.core.context.store.list('household').slice(0, 1);
    const toBinhGia = await forgedBundle(vq, 'VANQUAN', so, 'BINHGIA', docs, seq++, new Date(clock));
    const b = await importAt(so, [toBinhGia]);
    expect(b.status).toBe('refused');
    expect(b.error?.code).toBe('WRONG_RECIPIENT');
    expect(b.error && errorMessage(b.error, 'vi')).toContain('Phòng LĐTBXH Bình Gia');
    expect(b.error && errorMessage(b.error, 'vi')).toContain('Sở Nội vụ');
  });

  it('the sender’s pinned key still decides: an office never pinned waits for a phone check, a key not Văn Quan’s is refused', async () => {
    const bg = await openOffice('office', 'BINHGIA', 'Lương Văn Bình', { now });
    try {
      const stranger = await forgedBundle(bg, 'BINHGIA', so, 'SO', [], 2, new Date(clock));
      const first = await importAt(so, [stranger]);
      expect(first.error?.code, JSON.stringify(first)).toBe('UNKNOWN_SENDER');
      const posing = await forgedBundle(bg, 'VANQUAN', so, 'SO', [], seq++, new Date(clock));
      expect((await importAt(so, [posing])).error?.code).toBe('KEY_CHANGED');
    } finally {
      await bg.core.close();
    }
  });

  it('a bundle in the name of the Sở LĐTBXH itself (another Sở PC not yet moved) is refused: move that folder too', async () => {
    const asOldSo = await forgedBundle(vq, 'SO', so, 'SO', [], seq++, new Date(clock));
    const b = await importAt(so, [asOldSo]);
    expect(b.error?.code).toBe('SENDER_NOT_IN_PROFILE');
    expect(b.error && errorMessage(b.error, 'vi')).toContain('cây tổ chức');
  });

  it('a recipient changed after signing is refused: unsigned, or re-signed by the sender (the payload is bound to SO)', async () => {
    clock += 3_600_000;
    await vq.call('reports.save', { formId: SIX, period: '2025-H1', values: vqValues({ 'ld.vieclam.tao_moi': 640 }), complete: true });
    const out = await exportTo(vq, 'SO', usb);
    const [file] = filesIn(out.dir);
    const e = unzipSync(readFileSync(file as string));
    const manifest = JSON.parse(Buffer.from(e['manifest.json'] as Uint8Array).toString('utf8')) as { recipient: string };
    expect(manifest.recipient).toBe('SO');
    const readdressed = Buffer.from(JSON.stringify({ ...manifest, recipient: 'SNV' }), 'utf8');
    const payload = e['payload.bin'] as Uint8Array;

    const unsigned = writeContainer({ manifest: readdressed, signature: e['manifest.sig'] as Uint8Array, payload });
    expect((await importAt(so, [{ name: 'doi-ma.soviec', base64: b64(unsigned) }])).error?.code).toBe('SIGNATURE_INVALID');

    const vqKeys = await createIdentityStore(vq.dataDir).get();
    const resigned = writeContainer({ manifest: readdressed, signature: signManifest(readdressed, vqKeys.signingPrivateKey), payload });
    expect((await importAt(so, [{ name: 'ky-lai.soviec', base64: b64(resigned) }])).error?.code).toBe('DECRYPT_FAILED');

    // The genuine file still imports: the Sở reads Văn Quan's corrected figure.
    expect((await importAt(so, filesOf(out.dir))).status).toBe('applied');
    const h1 = await so.call('reports.consolidate', { formId: SIX, period: '2025-H1' });
    expect(h1.consolidation.indicators.find((i) => i.id === 'ld.vieclam.tao_moi')?.total).toBe(640);
  });
});

describe('chiều ngược lại: Sở Nội vụ gửi cho Phòng LĐTBXH Văn Quan (vẫn dùng cây 2022)', () => {
  it('the bundle is written as SO, the code Văn Quan pinned: it imports, and Văn Quan learns its data arrived', async () => {
    // A field the Sở Nội vụ adds under its new code is for the 2025 tree: it does not travel to
    // an office of the old one (which would refuse a record SO did not write).
    await so.call('fields.add', { name: 'Lĩnh vực của Sở Nội vụ' });
    const before = await vq.call('sync.status', {});
    expect(before.peers.find((p) => p.office === 'SO')?.waiting).toBeGreaterThan(0);

    const out = await exportTo(so, 'VANQUAN', usb);
    expect(out.result.bundles[0]?.counts).toEqual({});
    expect(out.result.bundles[0]?.fileNames[0]).toMatch(/^soviec_SO_to_VANQUAN_/);
    const b = await importAt(vq, filesOf(out.dir));
    expect(b.status, JSON.stringify(b.error)).toBe('applied');
    expect(b.sender).toMatchObject({ office: 'SO', trust: 'pinned' });
    expect(b.warnings).toEqual([]);

    // Văn Quan now knows the Sở holds everything it sent: nothing waits for the Sở.
    const after = await vq.call('sync.status', {});
    expect(after.peers.find((p) => p.office === 'SO')?.waiting).toBe(0);
    expect((await so.call('sync.status', {})).peers.find((p) => p.office === 'VANQUAN')?.lastReceived?.seq).toBeGreaterThan(0);

    // The Sở's own file, seen again at the Sở (a shared folder), is its own, not a stranger's.
    const own = await so.call('sync.import', { files: filesOf(out.dir) });
    expect(own.bundles[0]?.status).toBe('skipped');
  });
});

describe('qua thư mục dùng chung: Văn Quan vẫn ghi vào hộp SO', () => {
  it('the Sở Nội vụ reads the SO box too, imports, files it under SO/da-nhap, and answers as SO', async () => {
    const share = usbStick('share');
    try {
      for (const o of [so, vq]) await o.call('sync.transports.saveFolder', { root: share });
      clock += 3_600_000;
      await vq.call('reports.save', { formId: SIX, period: '2025-H1', values: vqValues({ 'ld.vieclam.tao_moi': 655 }), complete: true });
      await vq.call('sync.run', {});
      const inSoBox = readdirSync(path.join(share, 'SO')).filter((n) => n.endsWith('.soviec'));
      expect(inSoBox).toHaveLength(1);

      const r = await so.call('sync.run', {});
      expect(r.imported).toBe(1);
      expect(r.reports[0]?.warnings.map((w) => w.code)).toContain('FORMER_RECIPIENT');
      expect(readdirSync(path.join(share, 'SO')).filter((n) => n.endsWith('.soviec'))).toEqual([]);
      expect(readdirSync(path.join(share, 'SO', 'da-nhap'))).toEqual(inSoBox);
      const h1 = await so.call('reports.consolidate', { formId: SIX, period: '2025-H1' });
      expect(h1.consolidation.indicators.find((i) => i.id === 'ld.vieclam.tao_moi')?.total).toBe(655);

      // The answer went to Văn Quan's box, written as SO; Văn Quan takes it by itself.
      expect(readdirSync(path.join(share, 'VANQUAN')).filter((n) => /^soviec_SO_to_VANQUAN_/.test(n))).toHaveLength(1);
      expect((await vq.call('sync.run', {})).imported).toBe(1);
    } finally {
      rmSync(share, { recursive: true, force: true });
    }
  });
});
