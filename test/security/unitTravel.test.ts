import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/contract/sync';
import type { Doc } from '../../electron/domain/document';
import { usbStick } from '../integration/syncHelpers';
import { twoOfficesWithKeys, type Office } from '../integration/twoOffices';
import { forgedBundle } from '../integration/forgedBundle';

/**
 * Units travel one way, from the Sở: a commune's bundle carrying an orgUnit record is refused
 * at the Sở, and a Sở bundle whose unit has a huge, nested or path-like name is refused record
 * by record at the commune (its profile, pickers and labels unchanged), the good unit applied.
 */
const usb = usbStick('unit-travel');
const opened: Office[] = [];
let so: Office;
let vq: Office;
let seq = 500;
let clock = Date.now();

beforeAll(async () => {
  ({ so, vq } = await twoOfficesWithKeys({ profileId: 'lang-son-2025', so: { code: 'SNV', name: 'Nguyễn Mạnh Cường' }, office: { code: 'XA-VANQUAN', name: 'Hoàng Thị Lan' }, usb }));
  opened.push(so, vq);
});
afterAll(async () => {
  for (const o of opened) await o.core.close();
  for (const o of opened) rmSync(o.dataDir, { recursive: true, force: true });
  rmSync(usb, { recursive: true, force: true });
});

/** A bundle signed with `from`'s own keys, as a modified app of that office would write it. */
async function forged(from: Office, fromCode: string, to: Office, toCode: string, docs: Doc[]): Promise<{ name: string; base64: string }> {
  seq += 1;
  return forgedBundle(from, fromCode, to, toCode, docs, seq, new Date(clock));
}

function unitDoc(owner: string, code: string, data: Record<string, unknown>): Doc {
  clock += 1000;
  return {
    id: `orgUnit:${code}`,
    kind: 'orgUnit',
    owner,
    rev: 1,
    hlc: `${String(clock).padStart(15, '0')}-000000-forger`,
    author: 'forger',
    data: {
      code,
      type: 'commune',
      kind: 'xa',
      parent: 'SNV',
      name: 'Ủy ban nhân dân xã Thử Nghiệm Bắc',
      shortName: 'Xã Thử Nghiệm Bắc',
      symbol: 'UBND',
      place: 'Thử Nghiệm Bắc',
      officialCode: '99901',
      citations: ['unit-list'],
      ...data,
    },
  };
}

async function importAt(at: Office, file: { name: string; base64: string }): Promise<ImportReport['bundles'][number]> {
  const dry = await at.call('sync.inspect', { files: [file] });
  const done = await at.call('sync.import', { files: [file] });
  expect(dry.bundles[0]?.refused).toEqual(done.bundles[0]?.refused);
  const b = done.bundles[0];
  if (!b) throw new Error('no report');
  return b;
}

const unitCodes = async (o: Office): Promise<string[]> => (await o.call('app.profile', {})).units.map((u) => u.code);

describe('đơn vị chỉ do Sở gửi', () => {
  it('a commune’s bundle with an orgUnit record is refused at the Sở: an office cannot add units', async () => {
    const before = await unitCodes(so);
    const report = await importAt(so, await forged(vq, 'XA-VANQUAN', so, 'SNV', [unitDoc('XA-VANQUAN', 'XA-GIAMAO', { shortName: 'Xã Giả Mạo', name: 'Ủy ban nhân dân xã Giả Mạo' })]));
    expect(report.refused).toEqual([expect.objectContaining({ kind: 'orgUnit', reason: 'kind' })]);
    expect(await unitCodes(so)).toEqual(before);
    // Nor under the Sở's name: the owner must be the sender.
    const asSo = await importAt(so, await forged(vq, 'XA-VANQUAN', so, 'SNV', [unitDoc('SNV', 'XA-GIAMAO2', {})]));
    expect(asSo.refused).toEqual([expect.objectContaining({ kind: 'orgUnit', reason: 'owner' })]);
    expect(await unitCodes(so)).toEqual(before);
  });

  it('a unit with a huge, nested or path-like name is refused with its field; the good unit is applied', async () => {
    const before = await unitCodes(vq);
    const bad = [
      unitDoc('SNV', 'XA-DAI', { name: `Ủy ban nhân dân xã ${'Dài '.repeat(50_000)}` }),
      unitDoc('SNV', 'XA-LONG', { shortName: { vi: { ten: { sau: 'Xã Lồng Nhau' } } } }),
      unitDoc('SNV', 'XA-DUONGDAN', { name: '../../../../etc/passwd' }),
      unitDoc('SNV', 'XA-WINDOWS', { place: 'C:\\Windows\\System32' }),
      unitDoc('SNV', 'XA-MARKUP', { shortName: 'Xã <img src=x onerror=alert(1)>' }),
    ];
    const good = unitDoc('SNV', 'XA-THUNGHIEMBAC', {});
    const report = await importAt(vq, await forged(so, 'SNV', vq, 'XA-VANQUAN', [...bad, good]));
    expect(report.refused.map((r) => [r.id, r.reason, r.field])).toEqual([
      ['orgUnit:XA-DAI', 'shape', 'name'],
      ['orgUnit:XA-LONG', 'shape', 'shortName'],
      ['orgUnit:XA-DUONGDAN', 'shape', 'name'],
      ['orgUnit:XA-WINDOWS', 'shape', 'place'],
      ['orgUnit:XA-MARKUP', 'shape', 'shortName'],
    ]);
    expect(await unitCodes(vq)).toEqual([...before, 'XA-THUNGHIEMBAC']);
  });

  it('a travelled unit cannot replace the Sở or move a commune under another parent', async () => {
    const report = await importAt(
      vq,
      await forged(so, 'SNV', vq, 'XA-VANQUAN', [
        unitDoc('SNV', 'SNV', { type: 'department', name: 'Sở Giả', shortName: 'Sở Giả', symbol: 'SG' }),
        unitDoc('SNV', 'XA-CHAMAO', { shortName: 'Xã Cha Mạo', parent: 'XA-VANQUAN' }),
      ]),
    );
    expect(report.refused).toEqual([]);
    const profile = await vq.call('app.profile', {});
    expect(profile.units.find((u) => u.code === 'SNV')?.shortName).toBe('Sở Nội vụ');
    expect(profile.units.find((u) => u.code === 'XA-CHAMAO')?.parent).toBe('SNV');
    expect((await vq.call('app.state', {})).session?.office.code).toBe('XA-VANQUAN');
  });
});
