import type { Result } from '../domain/errors';

/** The object the preload puts on `window.soViec`; the web harness client has the same shape. */
export interface SoViecBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
}

export const IPC_CHANNEL = 'soviec:call';
export const APP_SCHEME = 'app';
export const APP_HOST = 'soviec';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
