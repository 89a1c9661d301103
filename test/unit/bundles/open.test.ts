import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { bundleFileName } from '../../../electron/core/bundles/build';
import { sha256Hex, utf8 } from '../../../electron/core/bundles/bytes';
import { createIdentity } from '../../../electron/core/bundles/identity';
import type { Manifest } from '../../../electron/core/bundles/manifest';
import { inspectBundle, openBundle } from '../../../electron/core/bundles/open';
import { readContainer } from '../../../electron/core/bundles/zip';
import { DEFAULT_LIMITS } from '../../../electron/core/bundles/limits';
import { craftBundle, craftPayloadPlaintext, resign } from './craft';
import {
  APP_VERSION,
  BINHGIA,
  build,
  codeOf,
  ctxFor,
  errorOf,
  rezip,
  sampleAttachments,
  sampleDocs,
  SO,
  VANQUAN,
  type Office,
} from './fixtures';

function partsOf(bytes: Uint8Array) {
  const { entries } = readContainer(bytes, DEFAULT_LIMITS);
  return {
    manifest: entries.get('manifest.json') as Uint8Array,
    sig: entries.get('manifest.sig') as Uint8Array,
    payload: entries.get('payload.bin') as Uint8Array,
  };
}

function manifestObject(bytes: Uint8Array): Manifest {
  return JSON.parse(Buffer.from(partsOf(bytes).manifest).toString('utf8')) as Manifest;
}

describe('round trip', () => {
  it('carries documents with Vietnamese text and binary attachments unchanged', () => {
    const docs = sampleDocs();
    const attachments = sampleAttachments();
    const built = build(SO, VANQUAN, { docs, attachments });
    const opened = openBundle(built.bytes, ctxFor(VANQUAN));

    expect(opened.docs).toEqual(docs);
    expect(opened.docs[1]?.data.content).toBe(
      'Tập trung điều tra, rà soát hộ nghèo, cận nghèo năm 2022 theo chuẩn nghèo đa chiều giai đoạn 2022-2025',
    );
    expect([...opened.attachments.keys()]).toEqual([...attachments.keys()]);
    for (const [name, data] of attachments) expect(Buffer.from(opened.attachments.get(name) as Uint8Array).equals(data)).toBe(true);
    expect(opened.firstContact).toBe(false);
    expect(opened.bundleHash).toBe(built.bundleHash);
    expect(opened.bundleHash).toBe(sha256Hex(built.bytes));
    expect(Buffer.from(opened.manifestBytes).equals(built.manifestBytes)).toBe(true);
    expect(opened.manifest).toEqual(built.manifest);
    expect(opened.manifest.counts).toEqual({ directive: 1, task: 1, progress: 1, household: 1 });
    expect(opened.manifest.attachments).toEqual({ count: 2, bytes: 3000 });
    expect(opened.manifest.sender.keyFingerprint).toBe(SO.id.fingerprint);
  });

  it('chains bundles and carries the acknowledgement', () => {
    const first = build(VANQUAN, SO, { docs: [] });
    const ack = { lastSeq: 7, bundleIds: [uuidv7(), uuidv7()], hlc: '001659139200123-000004-so1' };
    const second = build(VANQUAN, SO, { seq: 2, prevBundleHash: first.bundleHash, ack });
    const opened = openBundle(second.bytes, ctxFor(SO));
    expect(opened.manifest.seq).toBe(2);
    expect(opened.manifest.prevBundleHash).toBe(first.bundleHash);
    expect(opened.manifest.ack).toEqual(ack);
    expect(openBundle(first.bytes, ctxFor(SO)).docs).toEqual([]);
  });

  it('keeps personal data out of the clear', () => {
    const built = build(VANQUAN, SO);
    const file = Buffer.from(built.bytes);
    for (const s of ['Hoàng Thị Lý', 'hộ nghèo', 'Bản Chu', 'hh-vq-000123']) expect(file.includes(utf8(s))).toBe(false);
    expect(file.includes(Buffer.from((sampleAttachments().get('att-bien-ban-hop-thon.pdf') as Uint8Array).subarray(0, 32)))).toBe(false);
  });

  it('writes a fresh content key and ephemeral key for every bundle', () => {
    const a = build(SO, VANQUAN).manifest.encryption;
    const b = build(SO, VANQUAN).manifest.encryption;
    expect(a.ephemeralPublicKey).not.toBe(b.ephemeralPublicKey);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.salt).not.toBe(b.salt);
  });

  it('inspects without a private key or pins', () => {
    const built = build(SO, VANQUAN);
    const seen = inspectBundle(built.bytes, APP_VERSION);
    expect(seen.manifest.bundleId).toBe(built.manifest.bundleId);
    expect(seen.bundleHash).toBe(built.bundleHash);
  });
});

describe('addressing and trust', () => {
  it('refuses a bundle addressed to another office', () => {
    const e = errorOf(() => openBundle(build(SO, BINHGIA).bytes, ctxFor(VANQUAN)));
    expect(e.code).toBe('WRONG_RECIPIENT');
    expect(e.messageKey).toBe('bundles:errors.WRONG_RECIPIENT');
    expect(e.params).toMatchObject({ office: 'SO', recipient: 'BINHGIA', ourOffice: 'VANQUAN', seq: 1 });
  });

  it('reports an unknown sender with the fingerprint to compare by phone, or opens it for first contact', () => {
    const bytes = build(VANQUAN, SO).bytes;
    const e = errorOf(() => openBundle(bytes, ctxFor(SO, [])));
    expect(e.code).toBe('UNKNOWN_SENDER');
    expect(e.params).toMatchObject({ office: 'VANQUAN', fingerprint: VANQUAN.id.fingerprint });
    const opened = openBundle(bytes, ctxFor(SO, [], { allowFirstContact: true }));
    expect(opened.firstContact).toBe(true);
    expect(opened.docs).toHaveLength(4);
  });

  it('refuses a changed key (reinstalled PC, or someone else using the office code)', () => {
    const newSo: Office = { ...SO, id: createIdentity() };
    const e = errorOf(() => openBundle(build(newSo, VANQUAN).bytes, ctxFor(VANQUAN)));
    expect(e.code).toBe('KEY_CHANGED');
    expect(e.params).toMatchObject({ office: 'SO', fingerprint: newSo.id.fingerprint, pinnedFingerprint: SO.id.fingerprint });
  });

  it('refuses when only the encryption key changed (fingerprint covers both keys)', () => {
    const other = createIdentity();
    const mixed: Office = { ...SO, id: { ...SO.id, agreementPublicKey: other.agreementPublicKey, agreementPrivateKey: other.agreementPrivateKey } };
    expect(codeOf(() => openBundle(build(mixed, VANQUAN).bytes, ctxFor(VANQUAN)))).toBe('KEY_CHANGED');
  });

  it('refuses a manifest re-signed by an attacker key under a pinned or unpinned office code', () => {
    const attacker: Office = { code: 'SO', installation: 'x', id: createIdentity() };
    const built = build(SO, VANQUAN);
    const { payload } = partsOf(built.bytes);
    const m = manifestObject(built.bytes);
    m.sender = { ...m.sender, signingPublicKey: attacker.id.signingPublicKey, agreementPublicKey: attacker.id.agreementPublicKey, keyFingerprint: attacker.id.fingerprint };
    expect(codeOf(() => openBundle(resign(m, payload, attacker), ctxFor(VANQUAN)))).toBe('KEY_CHANGED');
    m.sender.office = 'LOCBINH';
    expect(codeOf(() => openBundle(resign(m, payload, attacker), ctxFor(VANQUAN)))).toBe('UNKNOWN_SENDER');
  });

  it('refuses a replay of an imported bundle', () => {
    const built = build(SO, VANQUAN);
    const imported = new Set([built.manifest.bundleId]);
    const e = errorOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { alreadyImported: (id) => imported.has(id) })));
    expect(e.code).toBe('ALREADY_IMPORTED');
    expect(e.params).toMatchObject({ office: 'SO', seq: 1 });
  });
});

describe('signature over the exact manifest bytes', () => {
  const built = build(SO, VANQUAN);
  const { manifest, sig, payload } = partsOf(built.bytes);
  const meaning = JSON.parse(Buffer.from(manifest).toString('utf8')) as Manifest;

  it('verifies the same bytes, wherever they come from', () => {
    const same = utf8(JSON.stringify(meaning));
    expect(same.equals(manifest)).toBe(true);
    const again = rezip([['manifest.json', same], ['manifest.sig', sig], ['payload.bin', payload]]);
    expect(Buffer.from(again).equals(built.bytes)).toBe(true);
    expect(codeOf(() => openBundle(again, ctxFor(VANQUAN)))).toBe('OK');
  });

  it.each([
    ['pretty-printed', (m: Manifest) => JSON.stringify(m, null, 2)],
    ['keys reordered', (m: Manifest) => JSON.stringify(Object.fromEntries(Object.entries(m).reverse()))],
    ['escaped non-ASCII', (m: Manifest) => JSON.stringify(m).replace('"SO"', '"\\u0053O"')],
    ['trailing newline', (m: Manifest) => `${JSON.stringify(m)}\n`],
    ['leading space', (m: Manifest) => ` ${JSON.stringify(m)}`],
  ])('refuses the same JSON meaning in different bytes (%s)', (_label, reserialise) => {
    const text = reserialise(meaning);
    expect(JSON.parse(text)).toEqual(meaning);
    expect(utf8(text).equals(manifest)).toBe(false);
    const bytes = rezip([['manifest.json', utf8(text)], ['manifest.sig', sig], ['payload.bin', payload]]);
    expect(codeOf(() => openBundle(bytes, ctxFor(VANQUAN)))).toBe('SIGNATURE_INVALID');
  });

  it('refuses every single-byte change of the manifest, each with the code its result deserves', () => {
    const tally: Record<string, number> = {};
    for (let i = 0; i < manifest.length; i++) {
      const changed = Buffer.from(manifest);
      changed[i] = changed[i] === 0x30 ? 0x31 : 0x30; // '0' <-> other: keeps many edits schema-valid
      let expected: string;
      try {
        const raw = JSON.parse(changed.toString('utf8')) as { sender?: { signingPublicKey?: unknown } };
        // No key named where the envelope says: nothing to verify against.
        expected = typeof raw.sender?.signingPublicKey === 'string' ? 'SIGNATURE_INVALID' : 'DAMAGED';
      } catch {
        expected = 'DAMAGED';
      }
      const bytes = rezip([['manifest.json', changed], ['manifest.sig', sig], ['payload.bin', payload]]);
      const code = codeOf(() => openBundle(bytes, ctxFor(VANQUAN)));
      if (code !== expected) {
        throw new Error(`byte ${i}: expected ${expected}, got ${code}`);
      }
      tally[code] = (tally[code] ?? 0) + 1;
    }
    expect(tally.OK).toBeUndefined();
    expect(tally.SIGNATURE_INVALID).toBeGreaterThan(100);
  });

  it('refuses a signature of the wrong length or over other bytes', () => {
    const short = rezip([['manifest.json', manifest], ['manifest.sig', sig.subarray(0, 63)], ['payload.bin', payload]]);
    expect(codeOf(() => openBundle(short, ctxFor(VANQUAN)))).toBe('SIGNATURE_INVALID');
    const otherSig = partsOf(build(SO, VANQUAN).bytes).sig;
    const swapped = rezip([['manifest.json', manifest], ['manifest.sig', otherSig], ['payload.bin', payload]]);
    expect(codeOf(() => openBundle(swapped, ctxFor(VANQUAN)))).toBe('SIGNATURE_INVALID');
  });
});

describe('encryption', () => {
  it('binds the ciphertext to the bundle identity (AAD): a re-signed manifest with another id or seq cannot reuse a payload', () => {
    const built = build(SO, VANQUAN);
    const { payload } = partsOf(built.bytes);
    const otherId = { ...manifestObject(built.bytes), bundleId: uuidv7() };
    expect(codeOf(() => openBundle(resign(otherId, payload, SO), ctxFor(VANQUAN)))).toBe('DECRYPT_FAILED');
    const otherSeq = { ...manifestObject(built.bytes), seq: 2, prevBundleHash: 'a'.repeat(64) };
    expect(codeOf(() => openBundle(resign(otherSeq, payload, SO), ctxFor(VANQUAN)))).toBe('DECRYPT_FAILED');
    const otherInstallation = manifestObject(built.bytes);
    otherInstallation.sender.installation = 'so-pc2';
    expect(codeOf(() => openBundle(resign(otherInstallation, payload, SO), ctxFor(VANQUAN)))).toBe('DECRYPT_FAILED');
  });

  it('refuses a wrapped key or IV changed by the signer', () => {
    const built = build(SO, VANQUAN);
    const { payload } = partsOf(built.bytes);
    const m = manifestObject(built.bytes);
    const wk = Buffer.from(m.encryption.wrappedKey, 'base64');
    wk[0] = (wk[0] ?? 0) ^ 1;
    m.encryption.wrappedKey = wk.toString('base64');
    expect(codeOf(() => openBundle(resign(m, payload, SO), ctxFor(VANQUAN)))).toBe('DECRYPT_FAILED');
    const m2 = manifestObject(built.bytes);
    m2.encryption.payloadIv = Buffer.alloc(12, 7).toString('base64');
    expect(codeOf(() => openBundle(resign(m2, payload, SO), ctxFor(VANQUAN)))).toBe('DECRYPT_FAILED');
  });

  it('says so when the bundle was encrypted to a key this PC no longer has', () => {
    const built = build(SO, VANQUAN);
    const reinstalled = createIdentity();
    const e = errorOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { ourAgreementPrivateKey: reinstalled.agreementPrivateKey })));
    expect(e.code).toBe('ENCRYPTED_FOR_OTHER_KEY');
  });
});

describe('versions', () => {
  it('refuses a bundle that needs a newer app', () => {
    const built = build(SO, VANQUAN, { minAppVersion: '0.2.0', appVersion: '0.2.0' });
    const e = errorOf(() => openBundle(built.bytes, ctxFor(VANQUAN)));
    expect(e.code).toBe('NEWER_APP_VERSION');
    expect(e.params).toMatchObject({ required: '0.2.0', current: '0.1.0' });
    expect(codeOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { appVersion: '0.2.0' })))).toBe('OK');
    expect(codeOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { appVersion: '0.10.0' })))).toBe('OK');
    expect(codeOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { appVersion: '0.2.0-beta.1' })))).toBe('NEWER_APP_VERSION');
  });

  it('refuses a newer format before trying to understand it', () => {
    const built = build(SO, VANQUAN);
    const { payload } = partsOf(built.bytes);
    const future = { ...manifestObject(built.bytes), formatVersion: 2, somethingNew: { x: 1 } };
    expect(codeOf(() => openBundle(resign(future, payload, SO), ctxFor(VANQUAN)))).toBe('NEWER_APP_VERSION');
  });
});

describe('content from an authentic but faulty sender', () => {
  const docJson = (extra: string) =>
    `{"id":"t1","kind":"task","owner":"SO","rev":1,"hlc":"001659139200001-000001-so1","data":{"content":"Rà soát hộ nghèo"${extra}}}`;

  it.each([
    ['__proto__ key', `{"docs":[${docJson(',"__proto__":{"polluted":true}')}],"attachments":[]}`, { task: 1 }],
    ['constructor key deep inside', `{"docs":[${docJson(',"a":[{"constructor":{"prototype":1}}]')}],"attachments":[]}`, { task: 1 }],
    ['nesting too deep', `{"docs":[${docJson(`,"deep":${'['.repeat(100)}${']'.repeat(100)}`)}],"attachments":[]}`, { task: 1 }],
    ['unknown kind', `{"docs":[${docJson('').replace('"task"', '"virus"')}],"attachments":[]}`, {}],
    ['owner not an office code', `{"docs":[${docJson('').replace('"SO"', '"../so"')}],"attachments":[]}`, { task: 1 }],
    ['same version twice', `{"docs":[${docJson('')},${docJson('')}],"attachments":[]}`, { task: 2 }],
    ['counts that do not match', `{"docs":[${docJson('')}],"attachments":[]}`, { task: 5 }],
    ['attachment name with a path', `{"docs":[],"attachments":[{"name":"../x","size":0,"sha256":"${sha256Hex(new Uint8Array())}"}]}`, {}],
    ['attachment hash wrong', `{"docs":[],"attachments":[{"name":"a1","size":0,"sha256":"${'0'.repeat(64)}"}]}`, {}],
    ['unknown header field', `{"docs":[],"attachments":[],"extra":1}`, {}],
    ['not JSON', `{"docs":[`, {}],
  ])('refuses %s as INVALID_CONTENT', (_label, header, counts) => {
    const bytes = craftBundle(SO, VANQUAN, craftPayloadPlaintext(header), (m) => {
      m.counts = counts;
      m.attachments = { count: header.includes('"a1"') || header.includes('"../x"') ? 1 : 0, bytes: 0 };
    });
    const e = errorOf(() => openBundle(bytes, ctxFor(VANQUAN)));
    expect(e.code).toBe('INVALID_CONTENT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses trailing bytes after the declared attachments and a lying plainSize', () => {
    const plain = craftPayloadPlaintext('{"docs":[],"attachments":[]}', [new Uint8Array([1, 2, 3])]);
    expect(codeOf(() => openBundle(craftBundle(SO, VANQUAN, plain), ctxFor(VANQUAN)))).toBe('INVALID_CONTENT');
    const ok = craftPayloadPlaintext('{"docs":[],"attachments":[]}');
    expect(codeOf(() => openBundle(craftBundle(SO, VANQUAN, ok), ctxFor(VANQUAN)))).toBe('OK');
    const lying = craftBundle(SO, VANQUAN, ok, (m) => {
      m.payload.plainSize = ok.length - 1;
    });
    expect(codeOf(() => openBundle(lying, ctxFor(VANQUAN)))).toBe('INVALID_CONTENT');
  });

  it('refuses at export what the recipient would refuse', () => {
    const bad = sampleDocs();
    (bad[0] as { owner: string }).owner = 'so lowercase';
    expect(codeOf(() => build(SO, VANQUAN, { docs: bad }))).toBe('INVALID_CONTENT');
    expect(codeOf(() => build(SO, VANQUAN, { attachments: new Map([['C:\\evil', new Uint8Array(1)]]) }))).toBe('INVALID_CONTENT');
    expect(() => build(SO, VANQUAN, { seq: 1, prevBundleHash: 'a'.repeat(64) })).toThrow(/prevBundleHash/);
    expect(() => build(SO, VANQUAN, { signingPrivateKey: VANQUAN.id.signingPrivateKey })).toThrow(/does not match/);
  });
});

describe('limits', () => {
  it('refuses a file larger than the limit before reading it', () => {
    const built = build(SO, VANQUAN);
    const e = errorOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { limits: { maxBundleBytes: 1024 } })));
    expect(e.code).toBe('TOO_LARGE');
  });

  it('refuses a payload that would inflate past the plaintext limit, before decrypting', () => {
    const built = build(SO, VANQUAN);
    expect(codeOf(() => openBundle(built.bytes, ctxFor(VANQUAN, undefined, { limits: { maxPlainBytes: 1000 } })))).toBe('TOO_LARGE');
  });
});

describe('bundleFileName', () => {
  it('names from, to, Vietnamese date and sequence in ASCII', () => {
    expect(bundleFileName('VANQUAN', 'SO', '2022-07-30', 5)).toBe('soviec_VANQUAN_to_SO_2022-07-30_seq0005.soviec');
    // 30/07/2022 00:30 in Hà Nội is still 29/07 in UTC.
    expect(bundleFileName('BINHGIA', 'SO', new Date('2022-07-29T17:30:00Z'), 12)).toBe('soviec_BINHGIA_to_SO_2022-07-30_seq0012.soviec');
    expect(bundleFileName('Văn Quan', 'SỞ/ĐT', '2022-07-30', 12345)).toBe('soviec_VAN-QUAN_to_SO-DT_2022-07-30_seq12345.soviec');
    expect(bundleFileName('ALL_DISTRICTS', 'SO', '2022-07-30', 1)).toMatch(/^[\x20-\x7e]+$/);
  });
});
