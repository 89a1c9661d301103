import { z } from 'zod';
import { OrgProfileSchema } from '../../domain/org';
import { MailSecuritySchema } from '../../domain/documentKinds';
import { enrolError } from './errors';
import { macEquals, macOf, sha256Hex } from './seal';

/**
 * The two files of an enrolment.
 *
 * Setup package (`soviec-cai-dat_<OFFICE>.soviec-setup`), Sở → office, by mail, USB or any
 * folder: the Sở's key card, the organisation profile, the forms in use and how bundles may
 * travel (no password), with an HMAC keyed by the code. The body is kept as the exact string
 * the MAC covers, so nothing depends on how a JSON parser orders keys.
 *
 * Reply (`soviec-dang-ky_<OFFICE>.soviec-reply`), office → Sở: the office's key card and an
 * HMAC, keyed by the same code, over the card, the enrolment id and the package's hash.
 */
export const PACKAGE_FORMAT = 'soviec-setup/1';
export const REPLY_FORMAT = 'soviec-reply/1';
export const PACKAGE_EXT = '.soviec-setup';
export const REPLY_EXT = '.soviec-reply';
/** A profile is tens of KB; forms and a card add little. */
export const MAX_PACKAGE_BYTES = 4 * 1024 * 1024;
export const MAX_REPLY_BYTES = 64 * 1024;

const PACKAGE_LABEL = 'soviec/enrol/package/v1';
const REPLY_LABEL = 'soviec/enrol/reply/v1';

const OfficeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);
const EnrolmentId = z.string().regex(/^[0-9a-f]{32}$/);
const Endpoint = z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535), security: MailSecuritySchema }).strict();

export const PackageBodySchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    enrolmentId: EnrolmentId,
    office: OfficeCode,
    officeName: z.string().max(300),
    /** The Sở's key card file, as text (verified by its own signature too). */
    soCard: z.string().max(16 * 1024),
    profile: OrgProfileSchema,
    /** Forms in use, for the office to see what it will be asked for (the forms themselves come with the first bundle). */
    forms: z.array(z.object({ formId: z.string().max(64), title: z.string().max(300), version: z.number().int() }).strict()).max(500),
    /** How bundles may travel; never a password. */
    transport: z
      .object({
        folderRoot: z.string().max(4096).nullable(),
        soMailbox: z.string().max(254).nullable(),
        smtp: Endpoint.nullable(),
        imap: Endpoint.nullable(),
      })
      .strict(),
    createdAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PackageBody = z.infer<typeof PackageBodySchema>;

const SealedSchema = z.object({ format: z.string(), body: z.string(), mac: z.string().max(64) }).strict();
const ReplySchema = z.object({ format: z.literal(REPLY_FORMAT), enrolmentId: EnrolmentId, card: z.string().max(16 * 1024), mac: z.string().max(64) }).strict();
export type Reply = z.infer<typeof ReplySchema>;

function parseJson(bytes: Uint8Array, max: number): unknown {
  if (bytes.length > max) throw enrolError('ENROL_FILE_INVALID', { detail: 'size' });
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw enrolError('ENROL_FILE_INVALID', { detail: 'json' });
  }
}

export function sealPackage(body: PackageBody, key: Uint8Array): { bytes: Uint8Array; hash: string } {
  const text = JSON.stringify(body);
  const file = { format: PACKAGE_FORMAT, body: text, mac: macOf(key, PACKAGE_LABEL, [text]) };
  return { bytes: Buffer.from(`${JSON.stringify(file)}\n`, 'utf8'), hash: sha256Hex(text) };
}

/** A package read without the code: only enough to name it and salt the key. Nothing in it is trusted yet. */
export interface UnverifiedPackage {
  body: string;
  mac: string;
  enrolmentId: string;
  /** The body as written, for a preview labelled "not checked yet". */
  claimed: PackageBody;
}

export function readPackage(bytes: Uint8Array): UnverifiedPackage {
  const outer = SealedSchema.safeParse(parseJson(bytes, MAX_PACKAGE_BYTES));
  if (!outer.success || outer.data.format !== PACKAGE_FORMAT) throw enrolError('ENROL_FILE_INVALID', { detail: 'format' });
  let inner: unknown;
  try {
    inner = JSON.parse(outer.data.body);
  } catch {
    throw enrolError('ENROL_FILE_INVALID', { detail: 'body' });
  }
  const body = PackageBodySchema.safeParse(inner);
  if (!body.success) throw enrolError('ENROL_FILE_INVALID', { detail: 'schema' });
  return { body: outer.data.body, mac: outer.data.mac, enrolmentId: body.data.enrolmentId, claimed: body.data };
}

/** True when the package was sealed with this key (the right code, nothing changed). */
export function packageMacValid(p: UnverifiedPackage, key: Uint8Array): boolean {
  return macEquals(p.mac, macOf(key, PACKAGE_LABEL, [p.body]));
}

export const packageHash = (p: UnverifiedPackage): string => sha256Hex(p.body);

export function sealReply(enrolmentId: string, pkgHash: string, cardText: string, key: Uint8Array): Uint8Array {
  const reply: Reply = { format: REPLY_FORMAT, enrolmentId, card: cardText, mac: macOf(key, REPLY_LABEL, [enrolmentId, pkgHash, cardText]) };
  return Buffer.from(`${JSON.stringify(reply, null, 1)}\n`, 'utf8');
}

export function readReply(bytes: Uint8Array): Reply {
  const r = ReplySchema.safeParse(parseJson(bytes, MAX_REPLY_BYTES));
  if (!r.success) throw enrolError('ENROL_FILE_INVALID', { detail: 'reply' });
  return r.data;
}

export function replyMacValid(r: Reply, pkgHash: string, key: Uint8Array): boolean {
  return macEquals(r.mac, macOf(key, REPLY_LABEL, [r.enrolmentId, pkgHash, r.card]));
}
