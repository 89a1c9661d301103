import { z } from 'zod';

/**
 * How bundles travel by themselves from this PC (issue 14): one document per configured
 * transport, kind 'transport', local to this installation (never sent). Passwords are kept
 * sealed by the OS key protector; this schema only sees the sealed bytes (base64).
 */

/** TLS is required except towards this very machine (a local test or relay server). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const Host = z.string().min(1).max(253);
const Port = z.number().int().min(1).max(65535);
/** 'tls': TLS from the first byte; 'starttls': upgrade required; 'none': loopback only. */
export const MailSecuritySchema = z.enum(['tls', 'starttls', 'none']);
export type MailSecurity = z.infer<typeof MailSecuritySchema>;

const Endpoint = z.object({ host: Host, port: Port, security: MailSecuritySchema });
const OfficeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);
const Address = z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'address').max(254);

export const FolderTransportDataSchema = z.object({
  type: z.literal('folder'),
  enabled: z.boolean(),
  /** The shared folder: <root>/<OFFICE>/ holds what is on its way to that office. */
  root: z.string().min(1).max(4096),
  /** Poll interval for drives where file watching says nothing (network shares). */
  pollSeconds: z.number().int().min(2).max(3600),
});

export const EmailTransportDataSchema = z
  .object({
    type: z.literal('email'),
    enabled: z.boolean(),
    /** This office's mailbox. */
    address: Address,
    user: z.string().min(1).max(254),
    /** The password (or app password) sealed by the key protector, base64. */
    passwordSealed: z.string().min(1).max(4096),
    smtp: Endpoint,
    imap: Endpoint,
    /** Who we exchange with: office code -> mailbox. Only mail from these is read. */
    peers: z.record(OfficeCode, Address),
    maxPartMb: z.number().min(0.01).max(100),
    /** Where handled mails are moved. */
    handledFolder: z.string().min(1).max(100),
    /** How often the app looks for new mail while open (absent: every 5 minutes). */
    pollMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .refine((d) => (d.smtp.security !== 'none' || isLoopbackHost(d.smtp.host)) && (d.imap.security !== 'none' || isLoopbackHost(d.imap.host)), {
    message: 'tlsRequired',
    path: ['smtp'],
  });

export const TransportDataSchema = z.union([FolderTransportDataSchema, EmailTransportDataSchema]);
export type TransportData = z.infer<typeof TransportDataSchema>;
export type FolderTransportData = z.infer<typeof FolderTransportDataSchema>;
export type EmailTransportData = z.infer<typeof EmailTransportDataSchema>;
