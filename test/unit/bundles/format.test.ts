import { describe, expect, it } from 'vitest';
import { compareSemver } from '../../../electron/core/bundles/appVersion';
import { sha256Hex, utf8 } from '../../../electron/core/bundles/bytes';
import { BUNDLE_ERROR_CODES } from '../../../electron/core/bundles/errors';
import { ManifestSchema } from '../../../electron/core/bundles/manifest';
import { writeContainer } from '../../../electron/core/bundles/zip';
import vi from '../../../electron/domain/i18n/locales/vi/bundles.json';
import en from '../../../electron/domain/i18n/locales/en/bundles.json';
import { build, SO, VANQUAN } from './fixtures';

describe('container bytes', () => {
  const entries = { manifest: utf8('{"formatVersion":1}'), signature: Buffer.alloc(64, 1), payload: utf8('payload') };

  it('are a pure function of the entries: pinned so a library upgrade cannot silently change them', () => {
    // If this fails after upgrading fflate, bundles written by older and newer apps would
    // refuse each other as DAMAGED: keep the old bytes (write the zip by hand if needed).
    expect(sha256Hex(writeContainer(entries))).toBe('5930ffa9989f2fc0e41c2ce50769a1a9f528ea8a2842e0a7b488d182cec88e01');
  });

  it('do not depend on the PC time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      const hanoi = writeContainer(entries);
      process.env.TZ = 'America/Los_Angeles';
      const la = writeContainer(entries);
      process.env.TZ = 'Pacific/Kiritimati';
      const kiritimati = writeContainer(entries);
      expect(Buffer.from(la).equals(hanoi)).toBe(true);
      expect(Buffer.from(kiritimati).equals(hanoi)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('manifest schema', () => {
  const m = build(SO, VANQUAN).manifest;

  it('accepts what buildBundle writes', () => {
    expect(ManifestSchema.safeParse(m).success).toBe(true);
  });

  it.each([
    ['unknown field', { ...m, extra: 1 }],
    ['formatVersion 2', { ...m, formatVersion: 2 }],
    ['upper-case bundle id', { ...m, bundleId: m.bundleId.toUpperCase() }],
    ['uuid v4 bundle id', { ...m, bundleId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }],
    ['seq 0', { ...m, seq: 0 }],
    ['seq 2 without previous hash', { ...m, seq: 2 }],
    ['seq 1 with a previous hash', { ...m, prevBundleHash: 'a'.repeat(64) }],
    ['lower-case office code', { ...m, recipient: 'vanquan' }],
    ['recipient with a path', { ...m, recipient: '../SO' }],
    ['fingerprint format', { ...m, sender: { ...m.sender, keyFingerprint: '1234' } }],
    ['31-byte key', { ...m, sender: { ...m.sender, signingPublicKey: Buffer.alloc(31).toString('base64') } }],
    ['two entries', { ...m, entries: [...m.entries, ...m.entries] }],
    ['entry named otherwise', { ...m, entries: [{ ...m.entries[0], name: '../payload.bin' }] }],
    ['unknown doc kind in counts', { ...m, counts: { virus: 1 } }],
    ['zero count', { ...m, counts: { task: 0 } }],
    ['other cipher', { ...m, encryption: { ...m.encryption, alg: 'AES-128-CBC' } }],
    ['short iv', { ...m, encryption: { ...m.encryption, payloadIv: Buffer.alloc(8).toString('base64') } }],
    ['ack hlc malformed', { ...m, ack: { lastSeq: 1, hlc: 'yesterday' } }],
    ['createdAt not ISO', { ...m, createdAt: '30/07/2022' }],
    ['minAppVersion not semver', { ...m, minAppVersion: 'v1' }],
  ])('refuses %s', (_label, value) => {
    expect(ManifestSchema.safeParse(value).success).toBe(false);
  });
});

describe('semver', () => {
  it.each([
    ['0.1.0', '0.2.0', -1],
    ['0.10.0', '0.9.9', 1],
    ['1.0.0-beta.2', '1.0.0', -1],
    ['1.0.0-beta.2', '1.0.0-beta.10', -1],
    ['1.0.0-alpha', '1.0.0-1', 1],
    ['1.2.3+build.5', '1.2.3', 0],
  ])('%s vs %s', (a, b, expected) => {
    expect(compareSemver(a, b)).toBe(expected);
  });
});

describe('messages', () => {
  it('has a Vietnamese and an English sentence for every code, with the same placeholders', () => {
    const viErrors = vi.errors as Record<string, string>;
    const enErrors = en.errors as Record<string, string>;
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]).sort();
    for (const code of BUNDLE_ERROR_CODES) {
      expect(viErrors[code], `vi ${code}`).toBeTruthy();
      expect(enErrors[code], `en ${code}`).toBeTruthy();
      expect(placeholders(viErrors[code] as string), code).toEqual(placeholders(enErrors[code] as string));
    }
    expect(Object.keys(viErrors).sort()).toEqual([...BUNDLE_ERROR_CODES].sort());
    expect(Object.keys(enErrors).sort()).toEqual([...BUNDLE_ERROR_CODES].sort());
  });
});
