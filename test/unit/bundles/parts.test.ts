import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../electron/core/bundles/open';
import { isPart, joinParts, partFileName, readPart, splitBundle } from '../../../electron/core/bundles/parts';
import { BINHGIA, build, codeOf, ctxFor, errorOf, SO, VANQUAN } from './fixtures';

/** A bundle big enough to need several parts: an incompressible 40 kB scan. */
function bigBundle() {
  const scan = randomBytes(40_000);
  return build(VANQUAN, SO, { attachments: new Map([['att-danh-sach-ho-ngheo.pdf', scan]]) });
}

describe('split and join', () => {
  const built = bigBundle();
  const parts = splitBundle(built.bytes, 8192);

  it('splits into parts no larger than the limit and rejoins in any order', () => {
    expect(parts.length).toBeGreaterThanOrEqual(6);
    for (const p of parts) {
      expect(p.bytes.length).toBeLessThanOrEqual(8192);
      expect(isPart(p.bytes)).toBe(true);
      expect(p.count).toBe(parts.length);
    }
    const shuffled = [...parts].reverse().map((p) => p.bytes);
    const joined = joinParts(shuffled);
    expect(Buffer.from(joined.bytes).equals(built.bytes)).toBe(true);
    expect(joined.bundleHash).toBe(built.bundleHash);
    expect(joined.bundleId).toBe(built.manifest.bundleId);
    expect(openBundle(joined.bytes, ctxFor(SO)).attachments.get('att-danh-sach-ho-ngheo.pdf')?.length).toBe(40_000);
  });

  it('makes a single part when the bundle fits', () => {
    const small = build(SO, VANQUAN);
    const one = splitBundle(small.bytes, 10 * 1024 * 1024);
    expect(one).toHaveLength(1);
    expect(Buffer.from(joinParts([one[0]?.bytes as Uint8Array]).bytes).equals(small.bytes)).toBe(true);
  });

  it('names which parts are missing, and from which bundle', () => {
    const without = parts.filter((p) => p.index !== 2 && p.index !== 4).map((p) => p.bytes);
    const e = errorOf(() => joinParts(without));
    expect(e.code).toBe('MISSING_PARTS');
    expect(e.params).toMatchObject({ missing: '2, 4', total: parts.length, received: parts.length - 2, office: 'VANQUAN', seq: 1 });
    expect(codeOf(() => joinParts([]))).toBe('MISSING_PARTS');
  });

  it('ignores an identical duplicate part and counts it', () => {
    const all = parts.map((p) => p.bytes);
    const joined = joinParts([...all, all[0] as Uint8Array, all[3] as Uint8Array]);
    expect(joined.duplicatesIgnored).toBe(2);
    expect(joined.bundleHash).toBe(built.bundleHash);
  });

  it('refuses parts of two different bundles mixed together', () => {
    const other = splitBundle(build(BINHGIA, SO).bytes, 4096);
    const mixed = [...parts.slice(1).map((p) => p.bytes), other[0]?.bytes as Uint8Array];
    expect(codeOf(() => joinParts(mixed))).toBe('PART_MISMATCH');
  });

  it('refuses a truncated part as incomplete and a changed part as damaged', () => {
    const all = parts.map((p) => p.bytes);
    const cut = [...all];
    cut[2] = (all[2] as Uint8Array).subarray(0, 5000);
    expect(errorOf(() => joinParts(cut)).params).toMatchObject({ part: 3 });
    expect(codeOf(() => joinParts(cut))).toBe('INCOMPLETE');
    const headerCut = [...all];
    headerCut[1] = (all[1] as Uint8Array).subarray(0, 40);
    expect(codeOf(() => joinParts(headerCut))).toBe('INCOMPLETE');
    const flipped = [...all];
    const f = Buffer.from(all[2] as Uint8Array);
    f[f.length - 10] = (f[f.length - 10] ?? 0) ^ 0x01;
    flipped[2] = f;
    expect(codeOf(() => joinParts(flipped))).toBe('DAMAGED');
    const extra = [...all];
    extra[0] = Buffer.concat([all[0] as Uint8Array, Buffer.from('x')]);
    expect(codeOf(() => joinParts(extra))).toBe('DAMAGED');
  });

  it('refuses a header that lies about offsets, and a file that is not a part', () => {
    const all = parts.map((p) => Buffer.from(p.bytes));
    const { header, data } = readPart(all[1] as Buffer);
    const lie = Buffer.concat([
      Buffer.from('SOVIEC-PART/1\n'),
      Buffer.from(JSON.stringify({ ...header, offset: header.offset + 1 })),
      Buffer.from('\n'),
      data,
    ]);
    expect(codeOf(() => joinParts([all[0] as Buffer, lie, ...all.slice(2)]))).toBe('DAMAGED');
    expect(codeOf(() => joinParts([built.bytes]))).toBe('NOT_A_BUNDLE');
    expect(codeOf(() => joinParts([Buffer.from('SOVIEC-PART/1\n{"bundleId":1}\nxx')]))).toBe('DAMAGED');
  });

  it('names parts so they sort and stay ASCII', () => {
    expect(partFileName('soviec_VANQUAN_to_SO_2022-07-30_seq0005.soviec', 1, 3)).toBe(
      'soviec_VANQUAN_to_SO_2022-07-30_seq0005.soviec.part01of03',
    );
    expect(partFileName('b.soviec', 7, 120)).toBe('b.soviec.part007of120');
  });

  it('rejects a part size too small to hold a header', () => {
    expect(() => splitBundle(built.bytes, 1000)).toThrow(/maxPartBytes/);
  });
});
