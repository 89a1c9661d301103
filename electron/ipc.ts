import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { APP_ORIGIN, IPC_CHANNEL } from './contract/bridge';
import type { Dispatch } from './core/runtime/dispatch';

/** Only our own page, loaded from the app protocol, may call the core. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(dispatch: Dispatch, log: (m: string) => void): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!trustedSender(event)) {
      log(`refused IPC from ${event.senderFrame?.url ?? 'unknown frame'}`);
      return { ok: false, error: { code: 'FORBIDDEN', messageKey: 'common:errors.FORBIDDEN', params: {} } };
    }
    // dispatch validates the name and the input against the contract.
    return dispatch(typeof name === 'string' ? name : '', input);
  });
}
