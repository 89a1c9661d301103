import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { isLoopbackHost, type MailSecurity } from '../../domain/documentKinds';
import { BUNDLE_FILE_NAME, partFileName, splitBundle } from '../bundles';
import { TransportUnreachable, type Arrival, type Outgoing, type Transport } from './types';

/**
 * E-mail: SMTP out from this office's mailbox (nodemailer), IMAP in (imapflow). One bundle per
 * mail, split into parts under the mail size limit (one part per mail; the receiver joins
 * them like parts from a USB stick). Only mails from the mailboxes of known offices are read;
 * mails that were handled are moved to a folder of the mailbox ("SoViec-Da-nhap"), anything
 * else is left where it is. TLS is required unless the server is on this very machine.
 */
export interface MailEndpoint {
  host: string;
  port: number;
  security: MailSecurity;
}

export interface EmailTransportOptions {
  id: string;
  address: string;
  user: string;
  password: string;
  smtp: MailEndpoint;
  imap: MailEndpoint;
  /** office code -> mailbox */
  peers: Record<string, string>;
  maxPartMb: number;
  handledFolder: string;
  /** Seconds before a silent server counts as unreachable. */
  timeoutSeconds?: number;
}

/** Base64 grows attachments by 4/3, plus headers: a part must fit the limit after that. */
const BASE64_GROWTH = 4 / 3;
const MIN_PART_BYTES = 4096;
/** Connection-level failures: the server or the network is away, try again later. */
const UNREACHABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'NoConnection', 'ETLS', 'EPROTOCOL']);

export function requireTls(e: MailEndpoint): void {
  if (e.security === 'none' && !isLoopbackHost(e.host)) throw new Error(`TLS is required for ${e.host}`);
}

function unreachable(e: unknown, what: string): unknown {
  const err = e as { code?: string; message?: string; responseCode?: number; response?: string; responseText?: string };
  const detail = err.responseText ?? err.response ?? err.message ?? '';
  if (err.code && UNREACHABLE_CODES.has(err.code)) return new TransportUnreachable(`${what}: ${err.message ?? err.code}`, err.code);
  // 4xx from SMTP: temporary by definition.
  if (typeof err.responseCode === 'number' && err.responseCode >= 400 && err.responseCode < 500) return new TransportUnreachable(`${what}: ${detail}`, `SMTP ${err.responseCode}: ${detail}`.slice(0, 300));
  return new Error(`${what}: ${detail}`.slice(0, 300));
}

export function createEmailTransport(opts: EmailTransportOptions): Transport {
  requireTls(opts.smtp);
  requireTls(opts.imap);
  const timeout = (opts.timeoutSeconds ?? 30) * 1000;
  const known = new Set(Object.values(opts.peers).map((a) => a.toLowerCase()));
  let imap: ImapFlow | null = null;
  /** The handled folder was found or made: looked for once, not for every mail moved. */
  let handledFolderReady = false;

  const mailer = nodemailer.createTransport({
    host: opts.smtp.host,
    port: opts.smtp.port,
    secure: opts.smtp.security === 'tls',
    requireTLS: opts.smtp.security === 'starttls',
    ignoreTLS: opts.smtp.security === 'none',
    auth: { user: opts.user, pass: opts.password },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });

  const connect = async (): Promise<ImapFlow> => {
    if (imap?.usable) return imap;
    const client = new ImapFlow({
      host: opts.imap.host,
      port: opts.imap.port,
      secure: opts.imap.security === 'tls',
      doSTARTTLS: opts.imap.security === 'starttls' ? true : opts.imap.security === 'none' ? false : undefined,
      auth: { user: opts.user, pass: opts.password },
      logger: false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    // A dropped connection is reported on the next call; the event must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      throw unreachable(e, 'IMAP');
    }
    imap = client;
    return client;
  };

  return {
    id: opts.id,
    type: 'email',
    reaches: (office) => Boolean(opts.peers[office]),
    async send(out: Outgoing) {
      const to = opts.peers[out.to];
      if (!to) throw new Error(`no mailbox for ${out.to}`);
      const maxPart = Math.max(MIN_PART_BYTES, Math.floor((opts.maxPartMb * 1024 * 1024) / BASE64_GROWTH) - 16 * 1024);
      const files = out.files.flatMap((f) =>
        f.bytes.length > maxPart ? splitBundle(f.bytes, maxPart).map((p) => ({ name: partFileName(f.name, p.index, p.count), bytes: p.bytes })) : [f],
      );
      for (const [i, f] of files.entries()) {
        const n = files.length > 1 ? ` (phần ${i + 1}/${files.length})` : '';
        try {
          await mailer.sendMail({
            from: opts.address,
            to,
            subject: `Sổ Việc: gói dữ liệu số ${out.seq}${n}`,
            text: `Gói dữ liệu Sổ Việc số ${out.seq}${n}, gửi tự động. Sổ Việc của đơn vị nhận tự nhập tệp đính kèm; không cần làm gì thêm.`,
            // The same id on a resend lets a mail server or a person see it is the same mail.
            messageId: `<${out.bundleId}.${i + 1}of${files.length}@soviec.local>`,
            headers: { 'X-SoViec-Bundle': out.bundleId },
            attachments: [{ filename: f.name, content: Buffer.from(f.bytes), contentType: 'application/octet-stream' }],
          });
        } catch (e) {
          throw unreachable(e, 'SMTP');
        }
      }
    },
    async receive() {
      const client = await connect();
      const out: Arrival[] = [];
      try {
        const lock = await client.getMailboxLock('INBOX');
        try {
          const status = client.mailbox;
          if (!status || status.exists === 0) return out;
          const msgs = await client.fetchAll('1:*', { uid: true, envelope: true });
          for (const m of msgs) {
            const from = m.envelope?.from?.[0]?.address?.toLowerCase();
            // Mail from anyone else is not ours to touch.
            if (!from || !known.has(from)) continue;
            const one = await client.fetchOne(String(m.uid), { source: true }, { uid: true });
            if (!one || !one.source) continue;
            const parsed = await simpleParser(one.source);
            const files = parsed.attachments
              .filter((a) => typeof a.filename === 'string' && BUNDLE_FILE_NAME.test(a.filename))
              .map((a) => ({ name: a.filename as string, bytes: new Uint8Array(a.content) }));
            if (files.length > 0) out.push({ key: String(m.uid), files });
          }
        } finally {
          lock.release();
        }
      } catch (e) {
        imap = null;
        throw unreachable(e, 'IMAP');
      }
      return out;
    },
    async handled(key: string) {
      const client = await connect();
      try {
        if (!handledFolderReady) {
          const list = await client.list();
          if (!list.some((b) => b.path === opts.handledFolder)) await client.mailboxCreate(opts.handledFolder);
          handledFolderReady = true;
        }
        const lock = await client.getMailboxLock('INBOX');
        try {
          await client.messageMove(key, opts.handledFolder, { uid: true });
        } finally {
          lock.release();
        }
      } catch (e) {
        imap = null;
        throw unreachable(e, 'IMAP');
      }
    },
    async check() {
      try {
        await mailer.verify();
      } catch (e) {
        throw unreachable(e, 'SMTP');
      }
      await connect();
    },
    async close() {
      mailer.close();
      const c = imap;
      imap = null;
      if (c?.usable) await c.logout().catch(() => c.close());
      else c?.close();
    },
  };
}
