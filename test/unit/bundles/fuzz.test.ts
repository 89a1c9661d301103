import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { openBundle } from '../../../electron/core/bundles/open';
import { joinParts, splitBundle } from '../../../electron/core/bundles/parts';
import { BINHGIA, build, codeOf, ctxFor, patchBytes, prng, rezip, SO, VANQUAN } from './fixtures';

/**
 * Property: a valid bundle, mutated in any way, is refused with the code that describes the
 * mutation, and never with anything but a bundle refusal (no crash, no other exception,
 * never accepted). Seeded, so a failure names a reproducible case.
 */

const SEED = 0x50_71_e0;
const ctx = ctxFor(VANQUAN);
const A = build(SO, VANQUAN);
const B = build(SO, VANQUAN, { seq: 2, prevBundleHash: A.bundleHash });

type Code = string;

/** Where each byte of a canonical bundle sits, from the layout zip.ts writes. */
function regionMap(bytes: Uint8Array): string[] {
  const sizes: [string, number][] = [
    ['manifest.json', A.manifestBytes.length],
    ['manifest.sig', 64],
    ['payload.bin', A.manifest.entries[0]?.size ?? 0],
  ];
  const map: string[] = [];
  const mark = (n: number, label: string) => {
    for (let i = 0; i < n; i++) map.push(label);
  };
  for (const [name, size] of sizes) {
    mark(30 + name.length, `local:${name}`);
    mark(size, `data:${name}`);
  }
  for (const [name] of sizes) mark(46 + name.length, `central:${name}`);
  mark(22, 'eocd');
  expect(map.length).toBe(bytes.length);
  for (let i = 0; i < 4; i++) map[i] = 'magic';
  return map;
}

/** The codes a change in each region may produce. */
function allowed(region: string): Code[] {
  if (region === 'magic') return ['NOT_A_BUNDLE'];
  // Any change to an entry's bytes or local header breaks the byte-exact layout (CRC).
  if (region.startsWith('data:') || region.startsWith('local:')) return ['DAMAGED'];
  // Central directory: sizes can turn huge, names unsafe or unexpected.
  if (region.startsWith('central:')) return ['DAMAGED', 'UNSAFE_ENTRY', 'TOO_LARGE'];
  // End record: its signature gone reads as a cut file; its counts/offsets point anywhere.
  return ['INCOMPLETE', 'DAMAGED', 'UNSAFE_ENTRY', 'TOO_LARGE', 'NOT_A_BUNDLE'];
}

function open(bytes: Uint8Array, c = ctx): Code {
  return codeOf(() => openBundle(bytes, c));
}

function flip(bytes: Uint8Array, positions: [number, number][]): Uint8Array {
  const out = Buffer.from(bytes);
  for (const [pos, bit] of positions) out[pos] = (out[pos] ?? 0) ^ (1 << bit);
  return out;
}

const tally = new Map<string, Map<Code, number>>();
function count(kind: string, code: Code): void {
  const t = tally.get(kind) ?? new Map<Code, number>();
  t.set(code, (t.get(code) ?? 0) + 1);
  tally.set(kind, t);
}

describe('fuzz: mutated bundles are refused with their code', () => {
  it('is valid before mutation', () => {
    expect(open(A.bytes)).toBe('OK');
    expect(open(B.bytes)).toBe('OK');
  });

  it('every single bit flip (each bit of each byte)', () => {
    const regions = regionMap(A.bytes);
    for (let pos = 0; pos < A.bytes.length; pos++) {
      const region = regions[pos] as string;
      for (let bit = 0; bit < 8; bit++) {
        const code = open(flip(A.bytes, [[pos, bit]]));
        if (!allowed(region).includes(code)) throw new Error(`flip byte ${pos} bit ${bit} (${region}): got ${code}`);
        count('bitflip-1', code);
      }
    }
  });

  it('random multi-bit flips (2 to 8 bits)', () => {
    const rnd = prng(SEED + 1);
    const regions = regionMap(A.bytes);
    for (let n = 0; n < 3000; n++) {
      const k = 2 + Math.floor(rnd() * 7);
      const positions: [number, number][] = [];
      for (let j = 0; j < k; j++) positions.push([Math.floor(rnd() * A.bytes.length), Math.floor(rnd() * 8)]);
      const ok = new Set(positions.flatMap(([p]) => allowed(regions[p] as string)));
      const mutated = flip(A.bytes, positions);
      if (Buffer.from(mutated).equals(A.bytes)) continue; // two flips of the same bit cancel out
      const code = open(mutated);
      if (!ok.has(code)) throw new Error(`flips ${JSON.stringify(positions)}: got ${code}`);
      count('bitflip-multi', code);
    }
  });

  it('truncation at every length', () => {
    for (let len = 0; len < A.bytes.length; len++) {
      const code = open(A.bytes.subarray(0, len));
      if (code !== 'INCOMPLETE') throw new Error(`truncated to ${len}: got ${code}`);
      count('truncation', code);
    }
  });

  it('bytes added before or after', () => {
    expect(open(Buffer.concat([A.bytes, Buffer.from('junk')]))).toBe('DAMAGED');
    expect(open(Buffer.concat([A.bytes, A.bytes]))).toBe('DAMAGED');
    expect(open(Buffer.concat([Buffer.from('MZ'), A.bytes]))).toBe('NOT_A_BUNDLE');
  });

  it('removed, reordered and swapped entries', () => {
    const a = entriesOf(A.bytes);
    const b = entriesOf(B.bytes);
    const cases: [string, [string, Uint8Array][], Code][] = [
      ['no manifest', [['manifest.sig', a.sig], ['payload.bin', a.payload]], 'DAMAGED'],
      ['no signature', [['manifest.json', a.manifest], ['payload.bin', a.payload]], 'DAMAGED'],
      ['no payload', [['manifest.json', a.manifest], ['manifest.sig', a.sig]], 'DAMAGED'],
      ['only payload', [['payload.bin', a.payload]], 'DAMAGED'],
      ['signature first', [['manifest.sig', a.sig], ['manifest.json', a.manifest], ['payload.bin', a.payload]], 'DAMAGED'],
      ['payload before signature', [['manifest.json', a.manifest], ['payload.bin', a.payload], ['manifest.sig', a.sig]], 'DAMAGED'],
      ["other bundle's payload", [['manifest.json', a.manifest], ['manifest.sig', a.sig], ['payload.bin', b.payload]], 'DAMAGED'],
      ["other bundle's signature", [['manifest.json', a.manifest], ['manifest.sig', b.sig], ['payload.bin', a.payload]], 'SIGNATURE_INVALID'],
      ["other bundle's manifest and signature", [['manifest.json', b.manifest], ['manifest.sig', b.sig], ['payload.bin', a.payload]], 'DAMAGED'],
      ['signature and payload exchanged', [['manifest.json', a.manifest], ['manifest.sig', a.payload], ['payload.bin', a.sig]], 'SIGNATURE_INVALID'],
      ['stored rewritten as deflate', [['manifest.json', a.manifest], ['manifest.sig', a.sig], ['payload.bin', a.payload]], 'DAMAGED'],
    ];
    for (const [label, entries, expected] of cases) {
      const bytes = label === 'stored rewritten as deflate' ? rezip(entries, 6) : rezip(entries);
      const code = open(bytes);
      if (code !== expected) throw new Error(`${label}: expected ${expected}, got ${code}`);
      count('entries', code);
    }
  });

  it('extra entries and unsafe names', () => {
    const a = entriesOf(A.bytes);
    const base: [string, Uint8Array][] = [['manifest.json', a.manifest], ['manifest.sig', a.sig], ['payload.bin', a.payload]];
    const evil = Buffer.from('evil');
    const extraNames = ['notes.txt', '../../evil', 'C:\\x', 'C:x', '/etc/passwd', 'a\\b', 'dir/../../x', 'ok/./x', 'dir//x', 'x/', 'con\u0000.txt', 'file.txt:ads', ''];
    for (const name of extraNames) {
      const code = open(rezip([...base, [name, evil]]));
      if (code !== 'UNSAFE_ENTRY') throw new Error(`extra ${JSON.stringify(name)}: got ${code}`);
      count('names', code);
    }
    const renamed: [string, [string, Uint8Array][]][] = [
      ['../payload.bin', [base[0] as [string, Uint8Array], base[1] as [string, Uint8Array], ['../payload.bin', a.payload]]],
      ['..\\manifest.json', [['..\\manifest.json', a.manifest], base[1] as [string, Uint8Array], base[2] as [string, Uint8Array]]],
      ['/manifest.sig', [base[0] as [string, Uint8Array], ['/manifest.sig', a.sig], base[2] as [string, Uint8Array]]],
    ];
    for (const [label, entries] of renamed) {
      const code = open(rezip(entries));
      if (code !== 'UNSAFE_ENTRY') throw new Error(`renamed ${label}: got ${code}`);
      count('names', code);
    }
    // Duplicates: fflate cannot write two entries with one name, so patch the name afterwards.
    const dupPayload = patchBytes(rezip([...base, ['payload.bi_', evil]]), 'payload.bi_', 'payload.bin');
    const dupManifest = patchBytes(rezip([...base, ['manifest.jso_', evil]]), 'manifest.jso_', 'manifest.json');
    for (const bytes of [dupPayload, dupManifest]) {
      const code = open(bytes);
      expect(code).toBe('UNSAFE_ENTRY');
      count('names', code);
    }
    // A crafted directory listing many entries stops early.
    const many: [string, Uint8Array][] = [...base];
    for (let i = 0; i < 40; i++) many.push([`f${i}`, evil]);
    expect(open(rezip(many))).toBe('UNSAFE_ENTRY');
    count('names', 'UNSAFE_ENTRY');
  });

  it('oversize expansion is refused from declared sizes, before inflating', () => {
    const a = entriesOf(A.bytes);
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const bomb = zipSync({ 'manifest.json': a.manifest, 'manifest.sig': a.sig, 'payload.bin': [zeros, { level: 9 }] }, { level: 0 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const cases: [string, Uint8Array, Code, Parameters<typeof ctxFor>[2]][] = [
      ['ratio ~1000:1 with default limits', bomb, 'TOO_LARGE', {}],
      ['declared size over the limit', bomb, 'TOO_LARGE', { limits: { maxBundleBytes: 8 * 1024 * 1024, maxExpansionRatio: 1e9 } }],
      ['declared 2 GiB in the central directory', patchDeclaredSize(A.bytes, 'payload.bin', 0x7fff_ffff), 'TOO_LARGE', {}],
      ['declared 4 GiB - 1 (zip64 marker)', patchDeclaredSize(A.bytes, 'payload.bin', 0xffff_ffff), 'TOO_LARGE', {}],
      ['manifest declared over its own cap', patchDeclaredSize(A.bytes, 'manifest.json', 2 * 1024 * 1024), 'TOO_LARGE', {}],
      // Lies the other way (small declared size, huge stream): never inflated at all.
      ['deflated entry with an honest-looking size', patchDeclaredSize(bomb, 'payload.bin', compressedSizeOf(bomb, 'payload.bin')), 'DAMAGED', {}],
    ];
    for (const [label, bytes, expected, extra] of cases) {
      const started = performance.now();
      const code = open(bytes, ctxFor(VANQUAN, undefined, extra));
      if (code !== expected) throw new Error(`${label}: expected ${expected}, got ${code}`);
      expect(performance.now() - started, label).toBeLessThan(1000);
      count('expansion', code);
    }
  });

  it('addressing, replay and things that are not bundles', () => {
    const cases: [string, () => Code, Code][] = [
      ['wrong recipient', () => open(build(SO, BINHGIA).bytes), 'WRONG_RECIPIENT'],
      ['replay', () => open(A.bytes, ctxFor(VANQUAN, undefined, { alreadyImported: (id) => id === A.manifest.bundleId })), 'ALREADY_IMPORTED'],
      ['unknown sender', () => open(A.bytes, ctxFor(VANQUAN, [])), 'UNKNOWN_SENDER'],
      ['empty file', () => open(new Uint8Array()), 'INCOMPLETE'],
      ['PDF', () => open(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'NOT_A_BUNDLE'],
      ['PNG', () => open(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'NOT_A_BUNDLE'],
      ['a part file', () => open(splitBundle(A.bytes, 4096)[0]?.bytes ?? new Uint8Array()), 'NOT_A_BUNDLE'],
      ['an unrelated zip', () => open(rezip([['BaoCao_6thang.docx', Buffer.from('x')], ['anh.jpg', Buffer.from('y')]])), 'NOT_A_BUNDLE'],
      ['an empty zip', () => open(zipSync({})), 'NOT_A_BUNDLE'],
    ];
    const rnd = prng(SEED + 2);
    for (let i = 0; i < 50; i++) {
      const junk = Buffer.alloc(1 + Math.floor(rnd() * 4000));
      for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(rnd() * 256);
      if (junk[0] === 0x50) junk[0] = 0; // 'P' could start a zip
      cases.push([`random bytes ${i}`, () => open(junk), 'NOT_A_BUNDLE']);
    }
    for (const [label, run, expected] of cases) {
      const code = run();
      if (code !== expected) throw new Error(`${label}: expected ${expected}, got ${code}`);
      count('other', code);
    }
  });

  it('bit flips and truncation in split parts: refused, or rejoined to the exact original', () => {
    const rnd = prng(SEED + 3);
    const parts = splitBundle(A.bytes, 4096).map((p) => p.bytes);
    expect(parts.length).toBeGreaterThan(0);
    const partCodes = ['DAMAGED', 'INCOMPLETE', 'NOT_A_BUNDLE', 'PART_MISMATCH', 'MISSING_PARTS'];
    for (let n = 0; n < 1500; n++) {
      const which = Math.floor(rnd() * parts.length);
      const part = parts[which] as Uint8Array;
      const mutated = n % 3 === 0 ? part.subarray(0, Math.floor(rnd() * part.length)) : flip(part, [[Math.floor(rnd() * part.length), Math.floor(rnd() * 8)]]);
      const set = parts.map((p, i) => (i === which ? mutated : p));
      let code: Code;
      try {
        const joined = joinParts(set);
        // Only the informational from/to/seq labels are unchecked; the bundle itself must be intact.
        code = Buffer.from(joined.bytes).equals(A.bytes) ? 'REJOINED_INTACT' : 'CORRUPT_ACCEPTED';
      } catch (e) {
        code = codeOf(() => {
          throw e;
        });
      }
      if (code !== 'REJOINED_INTACT' && !partCodes.includes(code)) throw new Error(`part ${which + 1} mutation ${n}: got ${code}`);
      count('parts', code);
    }
  });

  it('summary', () => {
    const lines = [...tally].map(([kind, t]) => `${kind}: ${[...t].map(([c, n]) => `${c}=${n}`).join(' ')}`);
    const total = [...tally.values()].reduce((s, t) => s + [...t.values()].reduce((x, y) => x + y, 0), 0);
    console.info(`bundle fuzz, seed ${SEED}, ${total} cases\n  ${lines.join('\n  ')}`);
    expect(total).toBeGreaterThan(A.bytes.length * 2);
    for (const t of tally.values()) expect(t.has('OK')).toBe(false);
  });
});

function entriesOf(bytes: Uint8Array): { manifest: Uint8Array; sig: Uint8Array; payload: Uint8Array } {
  const files = unzipAll(bytes);
  return { manifest: files['manifest.json'] as Uint8Array, sig: files['manifest.sig'] as Uint8Array, payload: files['payload.bin'] as Uint8Array };
}

function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  // Test-side reading of our own valid output; the code under test is not involved.
  const out: Record<string, Uint8Array> = {};
  for (const e of centralEntries(bytes)) out[e.name] = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  return out;
}

interface CentralEntry {
  name: string;
  /** Offset of this entry's central directory record. */
  at: number;
  compressedSize: number;
  dataStart: number;
}

/** Minimal central directory walk, enough to patch fields in test inputs. */
function centralEntries(bytes: Uint8Array): CentralEntry[] {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const n = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: CentralEntry[] = [];
  for (let i = 0; i < n; i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, at, compressedSize: buf.readUInt32LE(at + 20), dataStart });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function patchDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(bytes);
  const e = centralEntries(out).find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  out.writeUInt32LE(size >>> 0, e.at + 24);
  return out;
}

function compressedSizeOf(bytes: Uint8Array, name: string): number {
  const e = centralEntries(bytes).find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return e.compressedSize;
}
