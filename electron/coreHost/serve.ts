import { openCore, type Core, type CoreOptions } from '../core';
import { reminderNotice } from '../core/inbox/reminders';
import { scheduleReminders } from '../core/inbox/reminderSchedule';
import type { KeyProtector } from '../core/bundles';
import type { CorePorts } from '../core/runtime/context';
import { AppError, toErrorValue } from '../domain/errors';
import {
  ToHostSchema,
  type HostInit,
  type MainCallInput,
  type MainCallName,
  type MainCallOutputs,
  type PortLike,
  type ToMain,
} from './messages';

export interface ServeOptions {
  /** Opens the core; tests may pass options such as a clock. */
  open?: (opts: CoreOptions) => Promise<Core>;
  /** Called once the core is closed and 'closed' was posted (the entry exits the process). */
  onClosed?: () => void;
}

/**
 * The utility-process side: opens the core on the data folder and serves the contract over
 * the port. The contract's dispatch validates every input, as it did in the main process.
 */
export function serveCore(port: PortLike, init: HostInit, opts: ServeOptions = {}): void {
  const post = (m: ToMain): void => port.postMessage(m);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextCallId = 1;

  function callMain<N extends MainCallName>(name: N, input: MainCallInput<N>): Promise<MainCallOutputs[N]> {
    const id = nextCallId++;
    return new Promise<MainCallOutputs[N]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ t: 'call', id, name, input });
    });
  }

  const keyProtector: KeyProtector = {
    // Same kind as before the move: identity files sealed in the main process stay readable.
    kind: 'safeStorage',
    protect: async (plain) => Buffer.from(await callMain('keys.protect', { plain })),
    unprotect: async (sealed) => Buffer.from(await callMain('keys.unprotect', { sealed })),
  };
  const ports: CorePorts = {
    showItemInFolder: async (file) => void (await callMain('shell.showItemInFolder', { file })),
    openExternal: async (url) => void (await callMain('shell.openExternal', { url })),
    pickFolder: (purpose) => callMain('dialog.pickFolder', { purpose }),
    ...(init.safeStorage ? { keyProtector } : {}),
  };

  const opening = (opts.open ?? openCore)({ dataDir: init.dataDir, ports, autoTransport: true });
  // Reminders (issue 13): at start and every morning, a desktop notification shown by main.
  let reminders: { stop(): void } | null = null;
  opening.then(
    (core) => {
      post({ t: 'ready' });
      reminders = scheduleReminders({
        now: () => core.context.now(),
        remind: async () => {
          const notice = reminderNotice(core.context);
          if (notice) await callMain('notify.show', notice);
        },
        onError: (e) => core.log('reminders: not shown', e),
      });
    },
    (e: unknown) => post({ t: 'failed', error: toErrorValue(e) }),
  );

  let closing: Promise<void> | null = null;
  // Calls still running when 'close' arrives finish (and write) before the store closes.
  const running = new Set<Promise<void>>();
  port.on('message', ({ data }) => {
    const parsed = ToHostSchema.safeParse(data);
    if (!parsed.success) return; // not from our main process: nothing to answer
    const m = parsed.data;
    switch (m.t) {
      case 'request':
      {
        const run = opening.then(
          async (core) => post({ t: 'response', id: m.id, result: await core.windowDispatch(m.name, m.input) }),
          (e: unknown) => post({ t: 'response', id: m.id, result: { ok: false, error: toErrorValue(e) } }),
        );
        running.add(run);
        void run.finally(() => running.delete(run));
        return;
      }
      case 'reply': {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.ok) p.resolve(m.value);
        else p.reject(AppError.fromValue(m.error));
        return;
      }
      case 'close':
        reminders?.stop();
        closing ??= opening
          .then(async (core) => {
            await Promise.allSettled([...running]);
            await core.close();
          })
          .catch(() => undefined) // a core that never opened has nothing to flush
          .then(() => {
            post({ t: 'closed' });
            opts.onClosed?.();
          });
        return;
    }
  });
  port.start();
}
