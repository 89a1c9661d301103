import { afterAll, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import { exportTo, filesIn, sendKeyCard, usbStick } from './syncHelpers';
import { openOffice, type Office } from './twoOffices';

/** Counts signature checks of bundle manifests, the real check still doing the work. */
const counter = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('../../electron/core/bundles/signature', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/bundles/signature')>();
  return {
    ...real,
    verifyManifest: (...args: Parameters<typeof real.verifyManifest>) => {
      counter.verifications++;
      return real.verifyManifest(...args);
    },
  };
});

const usb = usbStick('verify-once');
const opened: Office[] = [];
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('bundle import', () => {
  it('unzips and verifies each manifest once, in a dry run and in an import of several bundles', async () => {
    let clock = Date.UTC(2022, 6, 26, 2, 0);
    const now = (): number => clock;
    const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now });
    const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
    opened.push(so, vq);
    await sendKeyCard(vq, so, usb);
    await sendKeyCard(so, vq, usb);
    await so.call('directives.loadSample', {});
    const first = filesIn((await exportTo(so, 'VANQUAN', usb)).dir);
    clock += 3_600_000;
    await so.call('fields.add', { name: 'Chăm sóc người cao tuổi' });
    const second = filesIn((await exportTo(so, 'VANQUAN', usb)).dir);
    const paths = [...second, ...first];
    expect(paths).toHaveLength(2);

    counter.verifications = 0;
    const dry = await vq.call('sync.inspect', { paths });
    expect(dry.bundles.map((b) => b.status)).toEqual(['ready', 'ready']);
    expect(counter.verifications).toBe(2);

    counter.verifications = 0;
    const done = await vq.call('sync.import', { paths });
    expect(done.bundles.map((b) => b.status)).toEqual(['applied', 'applied']);
    expect(counter.verifications).toBe(2);
  });
});
