import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { openOffice, type Office } from './twoOffices';
import { carry, exportTo, filesIn, hashTree, sendKeyCard, usbStick } from './syncHelpers';
import { buildBundle, splitBundle, BUNDLE_ERROR_CODES } from '../../electron/core/bundles';
import { createIdentityStore } from '../../electron/core/sync/identityStore';
import { prng, rezip } from '../unit/bundles/fixtures';

/**
 * Valid bundle FILES, mutated, imported into a real data folder: each is refused with its
 * code and every file under <data>/db stays byte-identical.
 */
let clock = Date.UTC(2022, 6, 26, 2, 0);
const now = () => clock;
const usb = usbStick('refusals');
const opened: Office[] = [];
let so: Office;
let vq: Office;
let valid: Uint8Array;
let forBinhGia: Uint8Array;
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const db = (): Record<string, string> => hashTree(path.join(vq.dataDir, 'db'));

/** Imports the files at Văn Quan; returns the refusal code (or 'APPLIED') and checks the db did not move. */
async function refusal(files: Array<[string, Uint8Array]>, extra: { allowFirstContact?: boolean } = {}): Promise<string> {
  const before = db();
  const report = await vq.call('sync.import', { files: files.map(([name, bytes]) => ({ name, base64: b64(bytes) })), ...extra });
  const b = report.bundles[0];
  if (b?.status === 'applied') return 'APPLIED';
  expect(db()).toEqual(before);
  return b?.error?.code ?? `NO_ERROR:${b?.status}`;
}

beforeAll(async () => {
  so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now });
  vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
  const bg = await openOffice('office', 'BINHGIA', 'Lương Văn Bình', { now });
  opened.push(so, vq, bg);
  for (const o of [vq, bg]) {
    await sendKeyCard(o, so, usb);
    await sendKeyCard(so, o, usb);
  }
  await so.call('directives.loadSample', {});
  await carry(so, vq); // Văn Quan holds data before the attacks.
  await so.call('fields.add', { name: 'Lĩnh vực thử nghiệm' });
  clock += 3_600_000;
  const { dir } = await exportTo(so, 'ALL', usb);
  const [a, b] = filesIn(dir);
  forBinhGia = readFileSync(a?.includes('BINHGIA') ? (a as string) : (b as string));
  valid = readFileSync(a?.includes('VANQUAN') ? (a as string) : (b as string));
});

describe('mutated bundle files against a real data folder', () => {
  const fileCodes = new Set<string>(BUNDLE_ERROR_CODES);

  it('bit flips anywhere in the file', async () => {
    const rnd = prng(20220726);
    const seen = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const bad = Buffer.from(valid);
      const at = i < 10 ? i * 7 : i < 20 ? bad.length - 1 - (i - 10) * 5 : Math.floor(rnd() * bad.length);
      bad[at] = (bad[at] as number) ^ (1 << Math.floor(rnd() * 8));
      const code = await refusal([['flip.soviec', bad]]);
      expect(fileCodes.has(code), `flip at ${at}: ${code}`).toBe(true);
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['DAMAGED']));
  });

  it('truncation', async () => {
    for (const len of [0, 1, 30, 200, Math.floor(valid.length / 2), valid.length - 22, valid.length - 1]) {
      const code = await refusal([['cut.soviec', valid.subarray(0, len)]]);
      expect(['INCOMPLETE', 'NOT_A_BUNDLE', 'DAMAGED'], `length ${len}`).toContain(code);
    }
  });

  it('removed and swapped entries, unsafe names, oversize expansion, not a bundle', async () => {
    const e = unzipSync(valid);
    const [m, s, p] = [e['manifest.json'], e['manifest.sig'], e['payload.bin']] as Uint8Array[];
    expect(await refusal([['x.soviec', rezip([['manifest.json', m as Uint8Array], ['manifest.sig', s as Uint8Array]])]])).toBe('DAMAGED');
    expect(await refusal([['x.soviec', rezip([['manifest.json', m as Uint8Array], ['manifest.sig', p as Uint8Array], ['payload.bin', s as Uint8Array]])]])).toBe('SIGNATURE_INVALID');
    expect(await refusal([['x.soviec', rezip([['manifest.json', m as Uint8Array], ['manifest.sig', s as Uint8Array], ['payload.bin', p as Uint8Array], ['../../db/task/000.json', Buffer.from('[]')]])]])).toBe('UNSAFE_ENTRY');
    const bomb = zipSync({ 'manifest.json': m as Uint8Array, 'manifest.sig': s as Uint8Array, 'payload.bin': [new Uint8Array(16 * 1024 * 1024), { level: 9 }] }, { level: 0 });
    expect(await refusal([['bomb.soviec', bomb]])).toBe('TOO_LARGE');
    expect(await refusal([['KH85.soviec', Buffer.from('%PDF-1.4 Kế hoạch')]])).toBe('NOT_A_BUNDLE');
  });

  it('wrong recipient, newer app, unknown sender, changed key', async () => {
    expect(await refusal([['bg.soviec', forBinhGia]])).toBe('WRONG_RECIPIENT');

    const soId = await createIdentityStore(so.dataDir).get();
    const vqId = await createIdentityStore(vq.dataDir).get();
    const newer = buildBundle({
      docs: [],
      sender: { office: 'SO', installation: so.core.context.settings().installationId, signingPublicKey: soId.signingPublicKey, agreementPublicKey: soId.agreementPublicKey },
      recipient: 'VANQUAN',
      seq: 50,
      prevBundleHash: '1'.repeat(64),
      ack: { lastSeq: 0, hlc: null },
      recipientAgreementPublicKey: vqId.agreementPublicKey,
      signingPrivateKey: soId.signingPrivateKey,
      appVersion: '9.0.0',
      minAppVersion: '9.0.0',
    });
    expect(await refusal([['newer.soviec', newer.bytes]])).toBe('NEWER_APP_VERSION');

    // Another PC of Văn Quan that this one never enrolled: never a first contact, even when
    // first contacts are allowed; it joins by re-enrolment ("add") after a phone check.
    const vq2 = await openOffice('office', 'VANQUAN', 'Máy mới', { now });
    opened.push(vq2);
    await sendKeyCard(vq, vq2, usb);
    const stranger = await exportTo(vq2, 'VANQUAN', usb);
    expect(await refusal(filesIn(stranger.dir).map((f) => [path.basename(f), readFileSync(f)]))).toBe('KEY_CHANGED');
    expect(await refusal(filesIn(stranger.dir).map((f) => [path.basename(f), readFileSync(f)]), { allowFirstContact: true })).toBe('KEY_CHANGED');

    // A reinstalled Sở PC: same office, new key.
    const so2 = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now });
    opened.push(so2);
    await sendKeyCard(vq, so2, usb);
    const changed = await exportTo(so2, 'VANQUAN', usb);
    expect(await refusal(filesIn(changed.dir).map((f) => [path.basename(f), readFileSync(f)]))).toBe('KEY_CHANGED');
  });

  it('parts: missing, mixed, damaged; then the whole set imports once; a replay changes nothing', async () => {
    const parts = splitBundle(valid, 4096).map((p, i) => [`valid.soviec.part${i + 1}`, p.bytes] as [string, Uint8Array]);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const missing = await vq.call('sync.import', { files: parts.filter((_, i) => i !== 1).map(([name, bytes]) => ({ name, base64: b64(bytes) })) });
    expect(missing.bundles[0]?.error).toMatchObject({ code: 'MISSING_PARTS', params: { missing: '2', total: parts.length } });
    const other = splitBundle(forBinhGia, 4096)[1];
    const mixed = parts.map((p, i) => (i === 1 && other ? ([p[0], other.bytes] as [string, Uint8Array]) : p));
    // Parts are grouped by the bundle they name: each of the two sets is then incomplete.
    expect(await refusal(mixed)).toBe('MISSING_PARTS');
    const damaged = parts.map(([n, b], i) => [n, i === 0 ? Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([(b[b.length - 1] as number) ^ 1])]) : b] as [string, Uint8Array]);
    expect(await refusal(damaged)).toBe('DAMAGED');

    expect(await refusal(parts)).toBe('APPLIED');
    expect(await refusal(parts)).toBe('ALREADY_IMPORTED');
    expect(await refusal([['valid.soviec', valid]])).toBe('ALREADY_IMPORTED');
  });
});
