import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { asBuffer, fromB64, sha256Hex, toB64, utf8 } from './bytes';
import { bundleError } from './errors';
import { exportRawPublicKey, importPrivateKey, importRawPublicKey } from './identity';
import type { Encryption } from './manifest';

/**
 * Payload encryption: a fresh random 256-bit content key per bundle encrypts the payload
 * with AES-256-GCM; the content key is wrapped to the recipient's static X25519 key through
 * an ephemeral X25519 key, HKDF-SHA256 and AES-256-GCM. Both GCM operations take the
 * bundle's identity as additional data, so a payload or wrapped key moved into another
 * bundle (other id, sender, recipient or seq) fails authentication even if someone could
 * also make the hashes agree.
 */

/** The manifest fields every ciphertext is bound to. */
export interface Binding {
  bundleId: string;
  senderOffice: string;
  senderInstallation: string;
  senderFingerprint: string;
  recipient: string;
  seq: number;
}

const TAG_BYTES = 16;
const IV_BYTES = 12;
const KEY_BYTES = 32;
const HKDF_INFO = utf8('soviec/v1/content-key-wrap');

export function bindingAad(purpose: 'wrap' | 'payload', b: Binding): Buffer {
  // A JSON array: unambiguous field boundaries, no canonicalisation questions.
  return utf8(
    JSON.stringify([`soviec/v1/${purpose}`, b.bundleId, b.senderOffice, b.senderInstallation, b.senderFingerprint, b.recipient, b.seq]),
  );
}

/** sha256 hex of a raw X25519 public key: names the key a bundle was encrypted to. */
export function agreementKeyId(rawPublicKey: string): string {
  const raw = fromB64(rawPublicKey, 32);
  if (!raw) throw new Error('agreement public key must be 32 raw bytes in base64');
  return sha256Hex(raw);
}

export function sealPayload(
  plain: Uint8Array,
  recipientAgreementPublicKey: string,
  binding: Binding,
): { ciphertext: Buffer; encryption: Encryption } {
  const recipientKey = importRawPublicKey(recipientAgreementPublicKey, 'X25519');
  const contentKey = randomBytes(KEY_BYTES);
  try {
    const eph = generateKeyPairSync('x25519');
    const ephemeralPublicKey = exportRawPublicKey(eph.publicKey);
    const salt = randomBytes(32);
    const wrapKey = deriveWrapKey(eph.privateKey, recipientKey, salt, ephemeralPublicKey, recipientAgreementPublicKey);
    const wrapIv = randomBytes(IV_BYTES);
    const wrappedKey = gcmEncrypt(wrapKey, wrapIv, bindingAad('wrap', binding), contentKey);
    wrapKey.fill(0);
    const payloadIv = randomBytes(IV_BYTES);
    const ciphertext = gcmEncrypt(contentKey, payloadIv, bindingAad('payload', binding), plain);
    return {
      ciphertext,
      encryption: {
        alg: 'AES-256-GCM',
        wrap: 'X25519-HKDF-SHA256',
        recipientKeyFingerprint: agreementKeyId(recipientAgreementPublicKey),
        ephemeralPublicKey,
        salt: toB64(salt),
        wrapIv: toB64(wrapIv),
        wrappedKey: toB64(wrappedKey),
        payloadIv: toB64(payloadIv),
      },
    };
  } finally {
    contentKey.fill(0);
  }
}

/** Throws ENCRYPTED_FOR_OTHER_KEY or DECRYPT_FAILED; never returns unauthenticated bytes. */
export function openPayload(
  ciphertext: Uint8Array,
  encryption: Encryption,
  ourAgreementPrivateKey: string,
  binding: Binding,
): Buffer {
  let ourKey: KeyObject;
  let ourPublic: string;
  try {
    ourKey = importPrivateKey(ourAgreementPrivateKey, 'X25519');
    ourPublic = exportRawPublicKey(createPublicKey(ourKey));
  } catch {
    throw bundleError('DECRYPT_FAILED', { office: binding.senderOffice, seq: binding.seq, reason: 'ourKey' });
  }
  if (agreementKeyId(ourPublic) !== encryption.recipientKeyFingerprint) {
    throw bundleError('ENCRYPTED_FOR_OTHER_KEY', { office: binding.senderOffice, seq: binding.seq });
  }
  const fail = () => bundleError('DECRYPT_FAILED', { office: binding.senderOffice, seq: binding.seq });
  const salt = fromB64(encryption.salt, 32);
  const wrapIv = fromB64(encryption.wrapIv, IV_BYTES);
  const wrapped = fromB64(encryption.wrappedKey, KEY_BYTES + TAG_BYTES);
  const payloadIv = fromB64(encryption.payloadIv, IV_BYTES);
  if (!salt || !wrapIv || !wrapped || !payloadIv) throw fail();
  let contentKey: Buffer | undefined;
  try {
    const ephKey = importRawPublicKey(encryption.ephemeralPublicKey, 'X25519');
    const wrapKey = deriveWrapKey(ourKey, ephKey, salt, encryption.ephemeralPublicKey, ourPublic);
    contentKey = gcmDecrypt(wrapKey, wrapIv, bindingAad('wrap', binding), wrapped);
    wrapKey.fill(0);
    if (contentKey.length !== KEY_BYTES) throw fail();
    return gcmDecrypt(contentKey, payloadIv, bindingAad('payload', binding), ciphertext);
  } catch {
    throw fail();
  } finally {
    contentKey?.fill(0);
  }
}

function deriveWrapKey(
  privateKey: KeyObject,
  publicKey: KeyObject,
  salt: Buffer,
  ephemeralPublicKey: string,
  recipientPublicKey: string,
): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  // A low-order peer key gives an all-zero secret; refuse rather than derive from nothing.
  if (shared.every((b) => b === 0)) throw new Error('degenerate X25519 shared secret');
  // Both public keys go into info so the derived key is tied to this exact exchange.
  const info = Buffer.concat([HKDF_INFO, fromB64(ephemeralPublicKey, 32) ?? Buffer.alloc(0), fromB64(recipientPublicKey, 32) ?? Buffer.alloc(0)]);
  const key = Buffer.from(hkdfSync('sha256', shared, salt, info, KEY_BYTES));
  shared.fill(0);
  return key;
}

function gcmEncrypt(key: Buffer, iv: Buffer, aad: Buffer, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function gcmDecrypt(key: Buffer, iv: Buffer, aad: Buffer, sealed: Uint8Array): Buffer {
  const buf = asBuffer(sealed);
  if (buf.length < TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
  return Buffer.concat([decipher.update(buf.subarray(0, buf.length - TAG_BYTES)), decipher.final()]);
}
