import { z } from 'zod';
import { AppErrorValueSchema } from '../domain/errors';

/**
 * What Electron's main process and the core host (a utility process) say to each other over
 * their MessagePort. Both sides parse every message with these schemas: a message of another
 * shape is dropped and logged, never acted on.
 *
 *   main → host   init     (once, through process.parentPort, with the port attached)
 *                 request  {id, name, input}   a contract call from the window
 *                 reply    {id, ok, value|error} the answer to a reverse call
 *                 close                         flush the WAL, release the folder lock
 *   host → main   ready | failed {error}        the data folder opened, or why not
 *                 response {id, result}          the contract's Result for a request
 *                 call     {id, name, input}    a reverse call: something only main can do
 *                 closed                         the core is closed; the process may end
 *
 * Reverse calls exist because some platform services live only in the main process:
 * safeStorage (the OS key store that seals this installation's private keys), native
 * dialogs, the shell and desktop notifications. Each has a schema for its input, checked by main before it acts.
 */

export const HostInitSchema = z.strictObject({
  t: z.literal('init'),
  dataDir: z.string().min(1),
  /** Main checked safeStorage really protects secrets (not Linux basic_text). */
  safeStorage: z.boolean(),
});
export type HostInit = z.infer<typeof HostInitSchema>;

// Buffers arrive as Uint8Array after the structured clone.
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'bytes' });

/** Reverse calls: name → input schema and the type of the answer. */
export const mainCallInputs = {
  /** Seal private-key bytes with safeStorage (main runs the core's safeStorageKeyProtector). */
  'keys.protect': z.strictObject({ plain: bytes }),
  'keys.unprotect': z.strictObject({ sealed: bytes }),
  'shell.showItemInFolder': z.strictObject({ file: z.string().min(1).max(4096) }),
  /** Only mailto: links; main checks again before it opens anything. */
  'shell.openExternal': z.strictObject({ url: z.string().startsWith('mailto:').max(4096) }),
  'dialog.pickFolder': z.strictObject({ purpose: z.enum(['export', 'import', 'keyCard', 'transport']) }),
  /** A desktop notification (reminders at start and each morning); main shows it with Electron's Notification. */
  'notify.show': z.strictObject({ title: z.string().min(1).max(300), body: z.string().max(2000) }),
} as const;
export type MainCallName = keyof typeof mainCallInputs;
export type MainCallInput<N extends MainCallName> = z.infer<(typeof mainCallInputs)[N]>;
export interface MainCallOutputs {
  'keys.protect': Uint8Array;
  'keys.unprotect': Uint8Array;
  'shell.showItemInFolder': null;
  'shell.openExternal': null;
  'dialog.pickFolder': string | null;
  /** Whether the OS could show it (false where notifications are not supported). */
  'notify.show': boolean;
}
export type MainCallHandlers = { [N in MainCallName]: (input: MainCallInput<N>) => Promise<MainCallOutputs[N]> };

const id = z.number().int().nonnegative();
const mainCallName = z.enum(Object.keys(mainCallInputs) as [MainCallName, ...MainCallName[]]);

// A plain union: 'reply' has two shapes (ok or not), which a discriminated union cannot key.
export const ToHostSchema = z.union([
  z.strictObject({ t: z.literal('request'), id, name: z.string().max(200), input: z.unknown() }),
  z.strictObject({ t: z.literal('reply'), id, ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ t: z.literal('reply'), id, ok: z.literal(false), error: AppErrorValueSchema }),
  z.strictObject({ t: z.literal('close') }),
]);
export type ToHost = z.infer<typeof ToHostSchema>;

const ResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: AppErrorValueSchema }),
]);

export const ToMainSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('ready') }),
  z.strictObject({ t: z.literal('failed'), error: AppErrorValueSchema }),
  z.strictObject({ t: z.literal('response'), id, result: ResultSchema }),
  z.strictObject({ t: z.literal('call'), id, name: mainCallName, input: z.unknown() }),
  z.strictObject({ t: z.literal('closed') }),
]);
export type ToMain = z.infer<typeof ToMainSchema>;

/**
 * The part of Electron's MessagePortMain both sides use. Its 'message' event carries a
 * MessageEvent ({ data, ports }), unlike Node's worker_threads port, which passes the data.
 */
export interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}
