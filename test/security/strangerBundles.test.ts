import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../electron/core/bundles';
import { createIdentityStore } from '../../electron/core/sync/identityStore';
import { openOffice, type Office } from '../integration/twoOffices';
import { usbStick } from '../integration/syncHelpers';

/**
 * Class 6 of issue 10: a bundle from a sender nobody has confirmed is not decrypted, inflated
 * or parsed before the person compares its fingerprint; the preview shows the signed manifest.
 */
const opened: Office[] = [];
const usb = usbStick('stranger');
let so: Office;
let vq: Office;
let bg: Office;
beforeAll(async () => {
  so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường');
  vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
  bg = await openOffice('office', 'BINHGIA', 'Lương Văn Bình');
  opened.push(so, vq, bg);
});
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

/** ~1 MB from the Sở to Văn Quan (one attached file of random bytes), encrypted to `sealFor`. */
async function strangerBundle(sealFor: Office): Promise<{ file: { name: string; base64: string }; size: number }> {
  const mine = await createIdentityStore(so.dataDir).get();
  const theirs = await createIdentityStore(sealFor.dataDir).get();
  const file = randomBytes(1_000_000);
  const sha = createHash('sha256').update(file).digest('hex');
  const built = buildBundle({
    docs: [],
    attachments: new Map([[sha, new Uint8Array(file)]]),
    sender: { office: 'SO', installation: so.core.context.settings().installationId, signingPublicKey: mine.signingPublicKey, agreementPublicKey: mine.agreementPublicKey },
    recipient: 'VANQUAN',
    seq: 1,
    prevBundleHash: null,
    ack: { lastSeq: 0, hlc: null },
    recipientAgreementPublicKey: theirs.agreementPublicKey,
    signingPrivateKey: mine.signingPrivateKey,
    appVersion: '0.1.0',
  });
  return { file: { name: 'so.soviec', base64: Buffer.from(built.bytes).toString('base64') }, size: built.bytes.length };
}

describe('a stranger’s bundle before confirmation', () => {
  it('the dry run shows the signed sender and counts without opening the payload', async () => {
    // Sealed to Bình Gia's key: any attempt to decrypt it at Văn Quan would fail loudly.
    const b = await strangerBundle(bg);
    expect(b.size).toBeGreaterThan(1_000_000);
    const report = await vq.call('sync.inspect', { files: [b.file] });
    expect(report.bundles[0]).toMatchObject({
      status: 'ready',
      sender: { office: 'SO', trust: 'firstContact' },
      attachments: { count: 1, bytes: 1_000_000 },
    });
    // After the phone check the import opens it, and only then finds it unreadable.
    const fp = (await so.call('sync.identity', {})).fingerprint;
    const applied = await vq.call('sync.import', { files: [b.file], allowFirstContact: true, expectFingerprint: fp });
    expect(applied.bundles[0]?.status).toBe('refused');
    expect((await vq.call('sync.status', {})).peers).toEqual([]);
  });

  it('a ~1 MB stranger bundle: dry run memory growth stays small', async () => {
    const b = await strangerBundle(vq);
    global.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 5; i++) await vq.call('sync.inspect', { files: [b.file] });
    const grewMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.log(`stranger dry run x5 of ${b.size} B: RSS +${grewMb.toFixed(1)} MB`);
    expect(grewMb).toBeLessThan(50);
  });
});
