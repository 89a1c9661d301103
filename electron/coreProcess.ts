import { AppError, toErrorValue, type Result } from './domain/errors';
import type { Dispatch } from './core/runtime/dispatch';
import {
  mainCallInputs,
  ToMainSchema,
  type HostInit,
  type MainCallHandlers,
  type MainCallName,
  type PortLike,
  type ToHost,
} from './coreHost/messages';

/** The parts of Electron's UtilityProcess and MessageChannelMain used here. */
export interface ChildLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}
export interface CoreProcessOptions {
  /** Absolute path of dist/electron/coreHost.cjs (inside app.asar when packaged). */
  hostPath: string;
  init: Omit<HostInit, 't'>;
  fork: (modulePath: string) => ChildLike;
  channel: () => { port1: PortLike; port2: PortLike };
  /** What the core may ask of the main process (see coreHost/messages.ts). */
  mainCalls: MainCallHandlers;
  /** Told when the process ended unexpectedly; `restarting` is false once the one restart is spent. */
  onCrash: (info: { code: number; restarting: boolean }) => void;
  log: (message: string) => void;
  /** How long quit waits for the core to flush before ending the process anyway. */
  closeTimeoutMs?: number;
}

export interface CoreProcess {
  /** Resolves when the data folder is open; rejects with the core's AppError (e.g. DATA_FOLDER_LOCKED). */
  ready: Promise<void>;
  /** Forwards a contract call; waits while the process (re)starts. */
  dispatch: Dispatch;
  /** Asks the core to close (WAL flushed, lock released) and ends the process. */
  close(): Promise<void>;
}

const MAX_RESTARTS = 1;

function stopped(): Result<unknown> {
  return { ok: false, error: new AppError('CORE_STOPPED', 'common:errors.CORE_STOPPED').toValue() };
}

/**
 * Main's side of the core host: forks the utility process, hands it a MessagePort, forwards
 * contract calls and answers the core's reverse calls. A crash fails the calls in flight with
 * CORE_STOPPED and restarts the process once; a second crash is reported and not retried.
 */
export function startCoreProcess(opts: CoreProcessOptions): CoreProcess {
  let restarts = 0;
  let closing = false;
  let nextId = 1;
  let current: { child: ChildLike; port: PortLike; ready: Promise<void> } | null = null;
  const inFlight = new Map<number, (r: Result<unknown>) => void>();
  let closed: (() => void) | null = null;

  function launch(): Promise<void> {
    const child = opts.fork(opts.hostPath);
    const { port1, port2 } = opts.channel();
    let settle!: { resolve: () => void; reject: (e: unknown) => void };
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    const me = { child, port: port1, ready };
    current = me;

    port1.on('message', ({ data }) => {
      const parsed = ToMainSchema.safeParse(data);
      if (!parsed.success) {
        opts.log(`core host sent a message of unknown shape`);
        return;
      }
      const m = parsed.data;
      switch (m.t) {
        case 'ready':
          settle.resolve();
          return;
        case 'failed':
          settle.reject(AppError.fromValue(m.error));
          return;
        case 'response': {
          const done = inFlight.get(m.id);
          inFlight.delete(m.id);
          done?.(m.result);
          return;
        }
        case 'call':
          void answer(port1, m.id, m.name, m.input);
          return;
        case 'closed':
          closed?.();
          return;
      }
    });
    port1.start();

    child.on('exit', (code) => {
      if (current !== me) return;
      settle.reject(new AppError('CORE_STOPPED', 'common:errors.CORE_STOPPED'));
      for (const done of inFlight.values()) done(stopped());
      inFlight.clear();
      if (closing) {
        closed?.();
        return;
      }
      const restarting = restarts < MAX_RESTARTS;
      opts.log(`core process ended unexpectedly (code ${code})${restarting ? '; restarting' : ''}`);
      current = null;
      opts.onCrash({ code, restarting });
      if (restarting) {
        restarts++;
        void launch().catch(() => undefined);
      }
    });

    child.postMessage({ t: 'init', ...opts.init } satisfies HostInit, [port2]);
    return ready;
  }

  async function answer(port: PortLike, id: number, name: MainCallName, input: unknown): Promise<void> {
    const reply = (m: ToHost): void => port.postMessage(m);
    try {
      const parsed = mainCallInputs[name].safeParse(input);
      if (!parsed.success) throw new AppError('INVALID_INPUT', 'common:errors.INVALID_INPUT', { field: name, operation: name });
      const handler = opts.mainCalls[name] as (i: unknown) => Promise<unknown>;
      reply({ t: 'reply', id, ok: true, value: await handler(parsed.data) });
    } catch (e) {
      if (!(e instanceof AppError)) opts.log(`reverse call ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      reply({ t: 'reply', id, ok: false, error: toErrorValue(e) });
    }
  }

  const first = launch();

  return {
    ready: first,
    dispatch: async (name, input) => {
      const proc = current;
      if (!proc || closing) return stopped();
      try {
        await proc.ready;
      } catch (e) {
        return { ok: false, error: toErrorValue(e) }; // why the data folder did not open
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        inFlight.set(id, resolve);
        proc.port.postMessage({ t: 'request', id, name, input } satisfies ToHost);
      });
    },
    close: async () => {
      if (closing) return;
      closing = true;
      const proc = current;
      if (!proc) return;
      const done = new Promise<void>((resolve) => {
        closed = resolve;
        setTimeout(() => {
          opts.log('core did not confirm close in time; ending its process');
          resolve();
        }, opts.closeTimeoutMs ?? 30_000).unref();
      });
      proc.port.postMessage({ t: 'close' } satisfies ToHost);
      await done;
      proc.child.kill();
    },
  };
}
