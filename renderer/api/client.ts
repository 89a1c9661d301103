import type { OpName, Input, Output } from '../../electron/contract';
import type { SoViecBridge } from '../../electron/contract/bridge';
import type { AppErrorValue, Result } from '../../electron/domain/errors';

declare global {
  interface Window {
    soViec?: SoViecBridge;
  }
}

/** An error value from the core, carried as an exception inside the renderer. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorValue) {
    super(error.code);
  }
}

const BUSY_RETRIES = 10;

/** The web harness bridge: same shape as the Electron preload, over HTTP with the run token. */
function httpBridge(): SoViecBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="soviec-token"]')?.content ?? '';
  return {
    call: async (name, input) => {
      const body = JSON.stringify({ name, input });
      for (let attempt = 1; ; attempt++) {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-soviec-token': token },
          body,
        });
        // The harness runs a few calls at a time; a busy answer says when to come back.
        if ((res.status === 503 || res.status === 429) && attempt < BUSY_RETRIES) {
          const wait = Number(res.headers.get('retry-after') ?? '1');
          await new Promise((r) => setTimeout(r, (Number.isFinite(wait) && wait > 0 ? Math.min(wait, 10) : 1) * 1000));
          continue;
        }
        if (!res.ok) {
          // The limits answer with an error value (too large, busy); anything else is a bare status.
          const refused = (await res.json().catch(() => null)) as Result<unknown> | null;
          if (refused && refused.ok === false && typeof refused.error?.code === 'string') return refused;
          return { ok: false, error: { code: 'HARNESS_HTTP', messageKey: 'common:errors.HARNESS_HTTP', params: { status: res.status } } };
        }
        return (await res.json()) as Result<unknown>;
      }
    },
  };
}

let bridge: SoViecBridge | null = null;
function getBridge(): SoViecBridge {
  bridge ??= window.soViec ?? httpBridge();
  return bridge;
}

/** Call one operation of the contract. Throws ApiError with the core's error value. */
export async function call<K extends OpName>(name: K, input: Input<K>): Promise<Output<K>> {
  const result = await getBridge().call(name, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<K>;
}
