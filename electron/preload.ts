import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type SoViecBridge } from './contract/bridge';
import type { Result } from './domain/errors';

// Sandboxed preload: exposes exactly one typed function, nothing from Node or Electron.
const bridge = {
  call: (name: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input) as Promise<Result<unknown>>,
} satisfies SoViecBridge;

contextBridge.exposeInMainWorld('soViec', bridge);
