import { describe, it, expect, afterAll } from 'vitest';
import { rmSync } from 'node:fs';
import { openOffice, type Office } from './twoOffices';
import { carry, sendKeyCard, usbStick } from './syncHelpers';
import { decodeHlc } from '../../electron/core/store/hlc';
import { progressId } from '../../electron/core/tasks/ids';

/** Two PCs of one office: conflicts, and PC clocks that are years off. Registered by bundleSync.test.ts. */
export function registerTwoPcScenarios(): void {
  const opened: Office[] = [];
  const usb = usbStick('pcs');
  afterAll(async () => {
    for (const o of opened) await o.core.close();
    rmSync(usb, { recursive: true, force: true });
  });

  /** The Sở and two PCs of `code`: keys exchanged (the second PC enrolled as "another PC"), tasks sent to both. */
  async function setup(code: string, clocks: { so: () => number; a: () => number; b: () => number }): Promise<{ so: Office; a: Office; b: Office; taskId: string }> {
    const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now: clocks.so });
    const a = await openOffice('office', code, 'Cán bộ máy 1', { now: clocks.a });
    const b = await openOffice('office', code, 'Cán bộ máy 2', { now: clocks.b });
    opened.push(so, a, b);
    await sendKeyCard(a, so, usb);
    // A second PC of a pinned office is a changed key until the Sở says "another PC".
    await expect(sendKeyCard(b, so, usb)).rejects.toMatchObject({ code: 'KEY_CHANGED' });
    await sendKeyCard(b, so, usb, { reenrol: 'add' });
    for (const pc of [a, b]) await sendKeyCard(so, pc, usb);
    await sendKeyCard(a, b, usb);
    await sendKeyCard(b, a, usb);
    const { tasks } = await so.call('directives.loadSample', {});
    const taskId = tasks.find((t) => t.assignees.includes(code) && t.requiredContents.length === 0)?.id ?? '';
    await carry(so, a);
    await carry(so, b);
    return { so, a, b, taskId };
  }

  describe('two PCs of Văn Quan edit the same progress', () => {
    let clock = Date.UTC(2022, 7, 1, 2, 0);
    const now = () => clock;

    it('keeps the losing version as a conflict at the Sở and at the office, and the office picks', async () => {
      const { so, a, b, taskId } = await setup('VANQUAN', { so: now, a: now, b: now });
      const id = progressId(taskId, 'VANQUAN');
      await a.call('progress.save', { taskId, status: 'inProgress', percent: 30, narrative: 'Máy 1: đã tư vấn 12 lao động.' });
      clock += 60_000;
      await b.call('progress.save', { taskId, status: 'inProgress', percent: 50, narrative: 'Máy 2: 7 lao động đã xuất cảnh.' });

      await carry(a, so);
      const second = (await carry(b, so)).bundles[0];
      expect(second?.kinds.find((k) => k.kind === 'progress')?.conflict).toBe(1);
      const atSo = await so.call('sync.conflicts', {});
      expect(atSo).toHaveLength(1);
      expect(atSo[0]).toMatchObject({ docId: id, kind: 'progress', owner: 'VANQUAN', canPick: false });
      expect(atSo[0]?.current?.data['narrative']).toBe('Máy 2: 7 lao động đã xuất cảnh.');
      expect(atSo[0]?.other.data['narrative']).toBe('Máy 1: đã tư vấn 12 lao động.');
      // The Sở may not write Văn Quan's record; it closes the conflict after a phone call.
      await expect(so.call('sync.conflicts.resolve', { id: atSo[0]?.id ?? '', choice: 'other' })).rejects.toMatchObject({ code: 'NOT_OWNER' });
      expect(await so.call('sync.conflicts.resolve', { id: atSo[0]?.id ?? '', choice: 'current' })).toEqual([]);
      expect((await so.call('sync.status', {})).openConflicts).toBe(0);

      // PC 1 receives PC 2's version: the same conflict, and there it can pick its own again.
      clock += 60_000;
      await carry(b, a);
      const atA = await a.call('sync.conflicts', {});
      expect(atA).toHaveLength(1);
      expect(atA[0]?.canPick).toBe(true);
      expect(await a.call('sync.conflicts.resolve', { id: atA[0]?.id ?? '', choice: 'other' })).toEqual([]);
      expect(a.core.context.store.get(id)?.data['narrative']).toBe('Máy 1: đã tư vấn 12 lao động.');

      const back = (await carry(a, so)).bundles[0];
      expect(back?.kinds.find((k) => k.kind === 'progress')).toMatchObject({ updated: 1, conflict: 0 });
      expect(so.core.context.store.get(id)?.data['narrative']).toBe('Máy 1: đã tư vấn 12 lao động.');
      expect(await so.call('sync.conflicts', {})).toEqual([]);
      const history = await so.call('sync.conflicts', { includeResolved: true });
      expect(history[0]?.resolved).toMatchObject({ choice: 'current', by: 'Nguyễn Mạnh Cường' });
    });
  });

  describe('PC clocks years off do not reorder history', () => {
    const real = Date.UTC(2022, 7, 10, 2, 0);
    let elapsed = 0;
    const year = 365 * 24 * 3_600_000;
    const clocks = { so: () => real + elapsed, a: () => real + elapsed + 3 * year, b: () => real + elapsed - 5 * year };

    it('orders a version written on a PC 5 years behind after the one it replaced, written 3 years ahead', async () => {
      const { so, a, b, taskId } = await setup('VANLANG', clocks);
      const id = progressId(taskId, 'VANLANG');
      const p1 = await a.call('progress.save', { taskId, status: 'inProgress', percent: 20, narrative: 'Máy đồng hồ nhanh 3 năm.' });
      elapsed += 60_000;
      await carry(a, b);
      const p2 = await b.call('progress.save', { taskId, status: 'inProgress', percent: 70, narrative: 'Máy đồng hồ chậm 5 năm, sửa sau.' });
      expect(p2.hlc > p1.hlc).toBe(true);
      expect(decodeHlc(p2.hlc).ms).toBeGreaterThanOrEqual(decodeHlc(p1.hlc).ms);

      await carry(a, so);
      const r = (await carry(b, so)).bundles[0];
      expect(r?.kinds.find((k) => k.kind === 'progress')).toMatchObject({ updated: 1, conflict: 0 });
      expect(so.core.context.store.get(id)?.data['narrative']).toBe('Máy đồng hồ chậm 5 năm, sửa sau.');
      // What the Sở writes next sorts after everything it has seen, whatever its own clock says.
      expect(so.core.context.store.hlc.tick() > p2.hlc).toBe(true);

      // And the fast PC takes the slow PC's later edit instead of keeping its own "newer-looking" one.
      const r2 = (await carry(b, a)).bundles[0];
      expect(r2?.kinds.find((k) => k.kind === 'progress')).toMatchObject({ updated: 1, conflict: 0 });
      expect(a.core.context.store.get(id)?.hlc).toBe(p2.hlc);
      expect(await a.call('sync.conflicts', {})).toEqual([]);
    });
  });
}
