import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { fromB64, sha256, toB64, utf8 } from './bytes';
import { bundleError, isBundleError } from './errors';
import type { KeyProtector } from './keyProtector';

/**
 * An installation's keys. Public keys travel as raw 32-byte keys in base64 (short enough for
 * a manifest and stable to hash); private keys are PKCS#8 DER in base64, the form Node
 * imports without guessing.
 */
export interface PublicKeys {
  /** Ed25519, raw 32 bytes, base64. Verifies the manifests this installation signs. */
  signingPublicKey: string;
  /** X25519, raw 32 bytes, base64. Bundles to this installation are encrypted to it. */
  agreementPublicKey: string;
}

export interface Identity extends PublicKeys {
  /** Ed25519 PKCS#8 DER, base64. */
  signingPrivateKey: string;
  /** X25519 PKCS#8 DER, base64. */
  agreementPrivateKey: string;
  /** fingerprint(public keys), cached for display. */
  fingerprint: string;
}

type OkpCurve = 'Ed25519' | 'X25519';

export const RawPublicKeySchema = z.string().refine((s) => fromB64(s, 32) !== undefined, 'raw 32-byte key');
/** 8 groups of 5 digits: what two people read to each other over the phone. */
export const FingerprintSchema = z.string().regex(/^\d{5}( \d{5}){7}$/, 'fingerprint');

export function createIdentity(): Identity {
  const signing = generateKeyPairSync('ed25519');
  const agreement = generateKeyPairSync('x25519');
  const pub: PublicKeys = {
    signingPublicKey: exportRawPublicKey(signing.publicKey),
    agreementPublicKey: exportRawPublicKey(agreement.publicKey),
  };
  return {
    ...pub,
    signingPrivateKey: exportPrivateKey(signing.privateKey),
    agreementPrivateKey: exportPrivateKey(agreement.privateKey),
    fingerprint: fingerprint(pub),
  };
}

const FINGERPRINT_CONTEXT = utf8('soviec/fingerprint/v1\0');

/**
 * SHA-256 over both public keys, shown as 8 groups of 5 decimal digits. Each group is one
 * 32-bit word of the hash modulo 100 000 (bias < 0.003 %), so the whole string keeps about
 * 132 bits: far more than an attacker can match by grinding keys, and digits are easy to
 * read aloud in Vietnamese or English. Covering the X25519 key too means a swapped
 * encryption key changes the number people compare.
 */
export function fingerprint(keys: PublicKeys): string {
  const sign = requireRaw(keys.signingPublicKey);
  const agree = requireRaw(keys.agreementPublicKey);
  const digest = sha256(Buffer.concat([FINGERPRINT_CONTEXT, sign, agree]));
  const groups: string[] = [];
  for (let i = 0; i < 8; i++) {
    groups.push(String(digest.readUInt32BE(i * 4) % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** The public halves, derived from the private keys (used to check a key file was not mixed up). */
export function publicKeysOf(identity: Pick<Identity, 'signingPrivateKey' | 'agreementPrivateKey'>): PublicKeys {
  return {
    signingPublicKey: signingPublicKeyOf(identity.signingPrivateKey),
    agreementPublicKey: agreementPublicKeyOf(identity.agreementPrivateKey),
  };
}

export function signingPublicKeyOf(signingPrivateKey: string): string {
  return exportRawPublicKey(createPublicKey(importPrivateKey(signingPrivateKey, 'Ed25519')));
}

export function agreementPublicKeyOf(agreementPrivateKey: string): string {
  return exportRawPublicKey(createPublicKey(importPrivateKey(agreementPrivateKey, 'X25519')));
}

// ---- at rest ---------------------------------------------------------------------------

/**
 * What goes into the identity file: public keys in clear (shown in the UI without unlocking),
 * private keys sealed by a KeyProtector. The protector kind is recorded so the app can tell
 * "this file was sealed by safeStorage on another PC" from corruption.
 */
export const StoredIdentitySchema = z.strictObject({
  v: z.literal(1),
  protector: z.string().min(1).max(40),
  signingPublicKey: RawPublicKeySchema,
  agreementPublicKey: RawPublicKeySchema,
  fingerprint: FingerprintSchema,
  sealedPrivateKeys: z.string().min(1),
});
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

const PrivateKeysSchema = z.strictObject({
  signingPrivateKey: z.string().min(1),
  agreementPrivateKey: z.string().min(1),
});

export async function encryptPrivateKeys(identity: Identity, protector: KeyProtector): Promise<StoredIdentity> {
  const plain = utf8(
    JSON.stringify({ signingPrivateKey: identity.signingPrivateKey, agreementPrivateKey: identity.agreementPrivateKey }),
  );
  try {
    return {
      v: 1,
      protector: protector.kind,
      signingPublicKey: identity.signingPublicKey,
      agreementPublicKey: identity.agreementPublicKey,
      fingerprint: fingerprint(identity),
      sealedPrivateKeys: toB64(await protector.protect(plain)),
    };
  } finally {
    plain.fill(0);
  }
}

/** Unseals and checks that the private keys really belong to the stored public keys. */
export async function decryptPrivateKeys(stored: unknown, protector: KeyProtector): Promise<Identity> {
  const parsed = StoredIdentitySchema.safeParse(stored);
  if (!parsed.success) throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
  const s = parsed.data;
  const sealed = fromB64(s.sealedPrivateKeys);
  if (!sealed) throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
  let plain: Buffer;
  try {
    plain = await protector.unprotect(sealed);
  } catch (e) {
    if (isBundleError(e)) throw e;
    throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'unseal', protector: s.protector });
  }
  let keys: z.infer<typeof PrivateKeysSchema>;
  try {
    keys = PrivateKeysSchema.parse(JSON.parse(plain.toString('utf8')));
  } catch {
    throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
  } finally {
    plain.fill(0);
  }
  let derived: PublicKeys;
  try {
    derived = publicKeysOf(keys);
  } catch {
    throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'keys' });
  }
  if (derived.signingPublicKey !== s.signingPublicKey || derived.agreementPublicKey !== s.agreementPublicKey) {
    throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'mismatch' });
  }
  return { ...derived, ...keys, fingerprint: fingerprint(derived) };
}

// ---- key import/export -----------------------------------------------------------------

export function exportRawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP public key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

function exportPrivateKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** Throws a plain Error on malformed input; callers map it to their own refusal code. */
export function importRawPublicKey(raw: string, crv: OkpCurve): KeyObject {
  const bytes = requireRaw(raw);
  const key = createPublicKey({ key: { kty: 'OKP', crv, x: bytes.toString('base64url') }, format: 'jwk' });
  if (key.asymmetricKeyType !== crv.toLowerCase()) throw new Error(`not an ${crv} key`);
  return key;
}

export function importPrivateKey(pkcs8: string, crv: OkpCurve): KeyObject {
  const der = fromB64(pkcs8);
  if (!der) throw new Error('private key is not base64');
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== crv.toLowerCase()) throw new Error(`not an ${crv} key`);
  return key;
}

function requireRaw(raw: string): Buffer {
  const bytes = fromB64(raw, 32);
  if (!bytes) throw new Error('public key must be 32 raw bytes in base64');
  return bytes;
}
