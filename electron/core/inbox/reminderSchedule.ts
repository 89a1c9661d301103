import { VN_OFFSET_MS } from '../../domain/calendar';

/**
 * When reminders fire: once when the app starts, then every morning at 08:00 Vietnam time for
 * a PC left on overnight. Vietnam has no daylight saving: 08:00 there is always 01:00 UTC.
 */
export const REMIND_HOUR_VN = 8;

/** The first 08:00 in Vietnam strictly after `now`. */
export function nextReminderAt(now: Date): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), REMIND_HOUR_VN) - VN_OFFSET_MS;
  return new Date(at > now.getTime() ? at : at + 86_400_000);
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const nodeTimers: Timers = {
  set: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.(); // a pending reminder never keeps the process alive
    return h;
  },
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Runs `remind` now and at each next 08:00. A failed run is reported to `onError` and the
 * schedule goes on; `stop` cancels the next run.
 */
export function scheduleReminders(opts: { now: () => Date; remind: () => Promise<void>; onError: (e: unknown) => void; timers?: Timers }): { stop(): void } {
  const timers = opts.timers ?? nodeTimers;
  let handle: unknown = null;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    void opts
      .remind()
      .catch(opts.onError)
      .finally(() => {
        if (stopped) return;
        const now = opts.now();
        handle = timers.set(run, nextReminderAt(now).getTime() - now.getTime());
      });
  };
  run();
  return {
    stop: () => {
      stopped = true;
      if (handle !== null) timers.clear(handle);
    },
  };
}
