import { sign, verify } from 'node:crypto';
import { utf8 } from './bytes';
import { importPrivateKey, importRawPublicKey } from './identity';

/**
 * Ed25519 over the exact manifest bytes, prefixed with a context string so a signature
 * made for a manifest can never be replayed as a signature over some other kind of
 * message this key may sign later (enrolment cards, for instance).
 */
const CONTEXT = utf8('soviec/manifest/v1\0');
export const SIGNATURE_BYTES = 64;

export function signManifest(manifestBytes: Uint8Array, signingPrivateKey: string): Buffer {
  return sign(null, Buffer.concat([CONTEXT, manifestBytes]), importPrivateKey(signingPrivateKey, 'Ed25519'));
}

/** False for any malformed key or signature: the caller turns it into SIGNATURE_INVALID. */
export function verifyManifest(manifestBytes: Uint8Array, signature: Uint8Array, signingPublicKey: string): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  try {
    return verify(null, Buffer.concat([CONTEXT, manifestBytes]), importRawPublicKey(signingPublicKey, 'Ed25519'), signature);
  } catch {
    return false;
  }
}
