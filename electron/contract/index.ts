import type { OpsRecord, ServiceOf, InputOf, OutputOf } from './define';
import { appOps } from './app';
import { taskOps } from './tasks';
import { syncOps } from './sync';
import { householdOps } from './households';
import { reportOps } from './reports';
import { inboxOps } from './inbox';
import { transportOps } from './transport';

/**
 * The contract: every operation the renderer may ask for. Preload, IPC handlers, the web
 * harness and the renderer client are all derived from this object. Add an operation to the
 * feature's ops record here, implement it in electron/core, and it is reachable everywhere.
 */
export const contract = {
  ...appOps,
  ...taskOps,
  ...syncOps,
  ...householdOps,
  ...reportOps,
  ...inboxOps,
  ...transportOps,
} satisfies OpsRecord;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Service = ServiceOf<Contract>;
export type Input<K extends OpName> = InputOf<Contract[K]>;
export type Output<K extends OpName> = OutputOf<Contract[K]>;

/**
 * The input fields that name a path, per operation: accepted from the command line, refused
 * with RAW_PATH_REFUSED when the call comes from the window (Electron IPC, the web harness).
 */
export const RAW_PATH_FIELDS = {
  'sync.keyCard.export': ['outDir'],
  'sync.keyCard.inspect': ['path'],
  'sync.keyCard.import': ['path'],
  'sync.export': ['outDir'],
  'sync.inspect': ['paths', 'folder'],
  'sync.import': ['paths', 'folder'],
  'sync.transports.saveFolder': ['root'],
} as const satisfies Partial<Record<OpName, readonly string[]>>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { AppError, type AppErrorValue, type Result } from '../domain/errors';
