import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Doc } from '../../domain/document';
import { DOCUMENT_KINDS } from '../../domain/documentKinds';
import type { DocKind } from '../../domain/document';
import type { CoreContext } from '../runtime/context';
import { watchFolder } from './folder';
import { enabledTransports } from './settings';

/**
 * The transports running by themselves while the app is open (the CLI's `sync run` does one
 * round and leaves): a run shortly after each local save (debounced, so typing a form sends
 * once), whenever a shared folder's inbox changes (file watching, with a poll for network
 * drives), every few minutes for e-mail, and when a failed send's retry time comes.
 * Runs never overlap: a trigger during a run asks for one more run after it.
 */
export const SAVE_DEBOUNCE_MS = 2_000;
export const MAIL_POLL_MINUTES = 5;

export interface TransportScheduler {
  /** Arms the watchers and timers from the current transport settings. */
  start(): void;
  stop(): Promise<void>;
  /** Something is waiting to be sent or a run is going: the light says "sending". */
  busy(): boolean;
}

export interface SchedulerOptions {
  debounceMs?: number;
  /** One round of send and receive; resolves with when the next retry is due, if any. */
  run(): Promise<{ nextTryAt: string | null }>;
  log(message: string, error?: unknown): void;
}

export function createTransportScheduler(ctx: CoreContext, opts: SchedulerOptions): TransportScheduler {
  const debounceMs = opts.debounceMs ?? SAVE_DEBOUNCE_MS;
  let started = false;
  let disarm: Array<() => void> = [];
  let saveTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let pending = false;
  /** The run going now carries a local save (not just a poll that found nothing). */
  let sendingRun = false;

  const trigger = (): void => {
    if (!started) return;
    if (running) {
      again = true;
      return;
    }
    // Before first run there is no office to send as.
    if (!ctx.settings().session || enabledTransports(ctx).length === 0) {
      pending = false;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          sendingRun = pending;
          pending = false;
          const r = await opts.run();
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = null;
          if (r.nextTryAt && started) {
            const wait = Math.max(1_000, Date.parse(r.nextTryAt) - ctx.now().getTime());
            retryTimer = setTimeout(trigger, Math.min(wait, 2 ** 31 - 1));
            retryTimer.unref();
          }
        } while (again && started);
      } catch (e) {
        opts.log('transport: automatic run failed', e);
      } finally {
        running = null;
        sendingRun = false;
      }
    })();
  };

  const saved = (): void => {
    pending = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      trigger();
    }, debounceMs);
    saveTimer.unref();
  };

  const arm = (): void => {
    for (const d of disarm) d();
    disarm = [];
    const session = ctx.settings().session;
    if (!started || !session) return;
    for (const t of enabledTransports(ctx)) {
      if (t.data.type === 'folder') {
        const inbox = path.join(t.data.root, session.officeCode);
        // The inbox must exist to be watched; a share that is not mounted is only polled.
        void fs.mkdir(inbox, { recursive: true }).catch(() => undefined);
        disarm.push(watchFolder(inbox, t.data.pollSeconds * 1000, trigger));
      } else {
        const timer = setInterval(trigger, (t.data.pollMinutes ?? MAIL_POLL_MINUTES) * 60_000);
        timer.unref();
        disarm.push(() => clearInterval(timer));
      }
    }
  };

  // A local edit of a kind that travels is sent soon; a change of the transport settings re-arms.
  // Imports (versions authored elsewhere) and this PC's bookkeeping do not trigger a send.
  const node = (): string => ctx.settings().node;
  const unsubscribe = ctx.store.onChange((docs) => {
    if (!started) return;
    if (docs.some((d) => d.kind === 'transport')) {
      arm();
      trigger();
    }
    const travels = (d: Doc): boolean => DOCUMENT_KINDS[d.kind as DocKind]?.writers !== 'local';
    if (docs.some((d) => travels(d) && d.author === node())) saved();
  });

  return {
    start: () => {
      if (started) return;
      started = true;
      arm();
      // Whatever waited while the app was closed goes now.
      trigger();
    },
    stop: async () => {
      started = false;
      unsubscribe();
      for (const d of disarm) d();
      disarm = [];
      if (saveTimer) clearTimeout(saveTimer);
      if (retryTimer) clearTimeout(retryTimer);
      await running;
    },
    busy: () => pending || sendingRun,
  };
}
