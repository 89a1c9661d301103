import type { OpsRecord, ServiceOf, InputOf, OutputOf } from './define';
import { appOps } from './app';
import { taskOps } from './tasks';
import { syncOps } from './sync';
import { householdOps } from './households';
import { reportOps } from './reports';
import { inboxOps } from './inbox';
import { transportOps } from './transport';
import { enrolmentOps } from './enrolment';

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
  ...enrolmentOps,
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
  'sync.enrol.prepare': ['outDir'],
  'sync.enrol.inspect': ['path'],
  'sync.enrol.accept': ['path', 'outDir'],
  'sync.enrol.finish': ['path'],
} as const satisfies Partial<Record<OpName, readonly string[]>>;

/**
 * What a data folder opened read-only (read-only medium, no write permission) still answers:
 * browsing, search, previews and exports handed back as bytes. Every other operation may write
 * and is refused with READ_ONLY before it runs (an allow-list: a new operation is refused there
 * until it is listed).
 */
export const READ_ONLY_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'app.state', 'app.profile', 'app.profiles', 'app.units.template',
  'households.meta', 'households.list', 'households.facets', 'households.get', 'households.checkId',
  'households.summary', 'households.summaryXlsx', 'households.exportXlsx', 'households.publicList', 'households.publicListXlsx',
  'inbox.get', 'reminders.get', 'dashboard.get', 'search.query', 'fields.list',
  'reports.forms', 'reports.form', 'reports.targets', 'reports.due', 'reports.open', 'reports.completeness',
  'reports.consolidate', 'reports.exportXlsx', 'reports.printData',
  'directives.list', 'directives.get', 'directives.extract', 'directives.extractFile',
  'tasks.list', 'tasks.get', 'attachments.get',
  'exports.matrixXlsx', 'exports.officeTasksXlsx', 'exports.progressReport',
  'sync.status', 'sync.identity', 'sync.keyCard.export', 'sync.keyCard.inspect', 'sync.preview', 'sync.exportProgress',
  'sync.recordStatus', 'sync.conflicts', 'sync.transports.list', 'sync.transports.status', 'dialog.pickFolder',
  'sync.enrol.list', 'sync.enrol.inspect', 'sync.transports.check', 'sync.transports.held.inspect',
]);

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { AppError, type AppErrorValue, type Result } from '../domain/errors';
