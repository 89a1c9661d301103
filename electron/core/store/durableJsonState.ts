import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileDurable } from './durableFile';

/**
 * One small JSON state file beside the documents (trust decisions, the outbox, enrolments):
 * loaded once, every change applied to a copy and saved durably before it becomes current, and
 * changes run one at a time so two concurrent updates never lose each other's edits.
 */
export interface DurableJsonState<S> {
  /** The current state (do not mutate; use update). */
  read(): Promise<S>;
  /** Applies a change to a copy, saves it durably, then makes it current. */
  update<T>(change: (s: S) => T): Promise<T>;
}

export interface DurableJsonStateOptions<S> {
  /** Reads the state from disk; called once, on first use. */
  load(): Promise<S>;
  /** Trims the copy before it is saved (e.g. old acknowledged outbox entries). */
  beforeSave?: (s: S) => void;
}

export function durableJsonState<S>(file: string, opts: DurableJsonStateOptions<S>): DurableJsonState<S> {
  let state: S | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const current = async (): Promise<S> => (state ??= await opts.load());
  const run = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    read: () => run(current),
    update: (change) =>
      run(async () => {
        const copy = structuredClone(await current());
        const result = change(copy);
        opts.beforeSave?.(copy);
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeFileDurable(file, JSON.stringify(copy, null, 1));
        state = copy;
        return result;
      }),
  };
}

/**
 * Reads a state file that can be rebuilt from the documents (outbox, enrolments): a damaged one
 * is set aside as `<file>.damaged-<time>` and the state starts empty; a missing one starts empty.
 */
export async function readJsonOrSetAside<S>(file: string, schema: z.ZodType<S>, empty: () => S): Promise<S> {
  try {
    return schema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') await fs.rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
    return empty();
  }
}
