import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { openOffice, type Office } from '../integration/twoOffices';
import { exportTo, filesIn, sendKeyCard, usbStick } from '../integration/syncHelpers';

/**
 * Class 2 of issue 10: a key is trusted only after a person compared its fingerprint by phone,
 * and the core (not the renderer's button) enforces it.
 */
const opened: Office[] = [];
const usb = usbStick('trust');
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('trust needs a matching fingerprint and the confirmation', () => {
  it('a key card is not pinned without confirmedByPhone and the shown fingerprint', async () => {
    const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường');
    const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
    opened.push(so, vq);
    const { path: card } = await vq.call('sync.keyCard.export', { outDir: usb });
    if (!card) throw new Error('no card');
    const seen = await so.call('sync.keyCard.inspect', { path: card });
    await expect(so.call('sync.keyCard.import', { path: card })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    await expect(so.call('sync.keyCard.import', { path: card, confirmedByPhone: true })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    await expect(so.call('sync.keyCard.import', { path: card, expectFingerprint: seen.fingerprint })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect((await so.call('sync.status', {})).peers).toEqual([]);
    expect((await so.call('sync.keyCard.import', { path: card, expectFingerprint: seen.fingerprint, confirmedByPhone: true })).state).toBe('pinned');
  });

  it('a first-contact bundle is not imported without the compared fingerprint', async () => {
    const so = opened[0] as Office;
    const vq = opened[1] as Office;
    const { dir } = await exportTo(so, 'VANQUAN', usb);
    const noFp = await vq.call('sync.import', { paths: filesIn(dir), allowFirstContact: true });
    expect(noFp.bundles.map((b) => b.error?.code ?? b.status)).toEqual(['CONFIRMATION_REQUIRED']);
    const wrong = await vq.call('sync.import', { paths: filesIn(dir), allowFirstContact: true, expectFingerprint: '11111 22222 33333 44444 55555 66666 77777 88888' });
    expect(wrong.bundles.map((b) => b.error?.code ?? b.status)).toEqual(['FINGERPRINT_MISMATCH']);
    expect((await vq.call('sync.status', {})).peers).toEqual([]);
    const fp = (await so.call('sync.identity', {})).fingerprint;
    const ok = await vq.call('sync.import', { paths: filesIn(dir), allowFirstContact: true, expectFingerprint: fp });
    expect(ok.bundles.map((b) => b.status)).toEqual(['applied']);
  });

  it('an unseen PC of our own office is not a first contact: it needs re-enrolment', async () => {
    const vq = opened[1] as Office;
    const vq2 = await openOffice('office', 'VANQUAN', 'Hoàng Văn Nam');
    opened.push(vq2);
    // The second PC knows the first one (it imported its card), so it can send to it.
    await sendKeyCard(vq, vq2, usb);
    const { dir } = await exportTo(vq2, 'VANQUAN', usb, { installation: vq.core.context.settings().installationId });
    const fp = (await vq2.call('sync.identity', {})).fingerprint;
    const r = await vq.call('sync.import', { paths: filesIn(dir), allowFirstContact: true, expectFingerprint: fp });
    expect(r.bundles.map((b) => b.error?.code ?? b.status)).toEqual(['KEY_CHANGED']);
    expect((await vq.call('sync.status', {})).peers.map((p) => p.office)).toEqual(['SO']);
  });
});
