import { deflateRawSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { sha256Hex, utf8 } from '../../../electron/core/bundles/bytes';
import { sealPayload } from '../../../electron/core/bundles/envelope';
import { fingerprint } from '../../../electron/core/bundles/identity';
import { serializeManifest, type Manifest } from '../../../electron/core/bundles/manifest';
import { signManifest } from '../../../electron/core/bundles/signature';
import { writeContainer } from '../../../electron/core/bundles/zip';
import { APP_VERSION, type Office } from './fixtures';

/**
 * Builds bundles that buildBundle would refuse to write: a correctly signed and encrypted
 * file around an arbitrary payload plaintext or manifest. It stands for a buggy or hostile
 * sender that holds a real key.
 */
export function craftPayloadPlaintext(headerJson: string, blobs: Uint8Array[] = []): Buffer {
  const header = utf8(headerJson);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  return Buffer.concat([utf8('SVP1'), len, header, ...blobs]);
}

export function craftBundle(
  from: Office,
  to: Office,
  plain: Uint8Array,
  edit: (m: Manifest) => void = () => {},
  signer: Office = from,
): Uint8Array {
  const bundleId = uuidv7();
  const keys = { signingPublicKey: signer.id.signingPublicKey, agreementPublicKey: signer.id.agreementPublicKey };
  const fp = fingerprint(keys);
  const binding = { bundleId, senderOffice: from.code, senderInstallation: from.installation, senderFingerprint: fp, recipient: to.code, seq: 1 };
  const { ciphertext, encryption } = sealPayload(deflateRawSync(plain), to.id.agreementPublicKey, binding);
  const m: Manifest = {
    formatVersion: 1,
    minAppVersion: '0.1.0',
    appVersion: APP_VERSION,
    bundleId,
    createdAt: '2022-07-30T08:00:00.000Z',
    sender: { office: from.code, installation: from.installation, keyFingerprint: fp, ...keys },
    recipient: to.code,
    seq: 1,
    prevBundleHash: null,
    ack: { lastSeq: 0, hlc: null },
    entries: [{ name: 'payload.bin', sha256: sha256Hex(ciphertext), size: ciphertext.length }],
    counts: {},
    attachments: { count: 0, bytes: 0 },
    payload: { format: 'soviec-payload-1', compression: 'deflate-raw', plainSize: plain.length },
    encryption,
  };
  edit(m);
  return resign(m, ciphertext, signer);
}

/** Serialises, signs with `signer`'s key and zips the way the app does. */
export function resign(m: unknown, payload: Uint8Array, signer: Office): Uint8Array {
  const manifestBytes = serializeManifest(m as Manifest);
  return writeContainer({ manifest: manifestBytes, signature: signManifest(manifestBytes, signer.id.signingPrivateKey), payload });
}
