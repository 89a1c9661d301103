import { sign, verify } from 'node:crypto';
import { z } from 'zod';
import { fingerprint, type Identity } from '../bundles';
import { fromB64 } from '../bundles/bytes';
import { FingerprintSchema, importPrivateKey, importRawPublicKey, RawPublicKeySchema } from '../bundles/identity';
import { InstallationIdSchema, OfficeCodeSchema } from '../bundles/manifest';
import { syncError } from './errors';
import type { KeysOf } from './peers';

/**
 * A key card (`soviec-key_VANQUAN_12345.soviec-key`): an installation's public keys, its
 * office and fingerprint, self-signed with its Ed25519 key. The signature proves the card
 * was made by the holder of the key and was not altered on the way; it cannot prove WHO
 * made it: that is what reading the fingerprint aloud over the phone is for.
 */
const CONTEXT = 'soviec/keycard/v1\0';
export const KEY_CARD_FORMAT = 'soviec-key/1';
const MAX_CARD_BYTES = 16 * 1024;

const CardBodySchema = z.strictObject({
  format: z.literal(KEY_CARD_FORMAT),
  office: OfficeCodeSchema,
  officeName: z.string().max(300),
  installation: InstallationIdSchema,
  signingPublicKey: RawPublicKeySchema,
  agreementPublicKey: RawPublicKeySchema,
  fingerprint: FingerprintSchema,
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(40),
});
type CardBody = z.infer<typeof CardBodySchema>;
const CardSchema = CardBodySchema.extend({ signature: z.string().max(200) });

export interface KeyCard extends KeysOf {
  officeName: string;
  createdAt: string;
}

const signedBytes = (body: CardBody): Buffer => Buffer.from(CONTEXT + JSON.stringify(body), 'utf8');

export function keyCardFileName(office: string, fp: string): string {
  return `soviec-key_${office}_${fp.slice(0, 5)}.soviec-key`;
}

export function makeKeyCard(id: Identity, office: string, officeName: string, installation: string, appVersion: string, now: Date): Uint8Array {
  const body: CardBody = {
    format: KEY_CARD_FORMAT,
    office,
    officeName,
    installation,
    signingPublicKey: id.signingPublicKey,
    agreementPublicKey: id.agreementPublicKey,
    fingerprint: fingerprint(id),
    createdAt: now.toISOString(),
    appVersion,
  };
  const signature = sign(null, signedBytes(body), importPrivateKey(id.signingPrivateKey, 'Ed25519')).toString('base64');
  return Buffer.from(`${JSON.stringify({ ...body, signature }, null, 2)}\n`, 'utf8');
}

/** Parses and verifies a card; KEY_CARD_INVALID for anything else (a bundle, a damaged copy). */
export function readKeyCard(bytes: Uint8Array): KeyCard {
  const invalid = (detail: string) => syncError('KEY_CARD_INVALID', { detail });
  if (bytes.length > MAX_CARD_BYTES) throw invalid('size');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid('json');
  }
  const parsed = CardSchema.safeParse(raw);
  if (!parsed.success) throw invalid('schema');
  const { signature, ...body } = parsed.data;
  const sig = fromB64(signature, 64);
  let ok = false;
  try {
    ok = sig !== undefined && verify(null, signedBytes(body), importRawPublicKey(body.signingPublicKey, 'Ed25519'), sig);
  } catch {
    ok = false;
  }
  if (!ok) throw invalid('signature');
  if (fingerprint(body) !== body.fingerprint) throw invalid('fingerprint');
  return {
    office: body.office,
    officeName: body.officeName,
    installation: body.installation,
    signingPublicKey: body.signingPublicKey,
    agreementPublicKey: body.agreementPublicKey,
    fingerprint: body.fingerprint,
    createdAt: body.createdAt,
  };
}
