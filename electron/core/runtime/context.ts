import type { Store } from '../store/store';
import type { OrgProfile, OrgUnit } from '../../domain/org';
import type { Settings } from './settings';
import type { Session } from '../../contract/app';
import { AppError } from '../../domain/errors';
import type { KeyProtector } from '../bundles';

/**
 * Platform needs that differ between Electron, the web harness and the CLI are passed in as
 * ports, never imported: the core stays plain Node.
 */
export interface CorePorts {
  /** Show a file in the OS file manager (Electron: shell.showItemInFolder). */
  showItemInFolder?: (file: string) => Promise<void>;
  /** Open a mailto: link in the mail client (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  /** Seals this installation's private keys (Electron: safeStorage); default: a 0600 key file. */
  keyProtector?: KeyProtector;
  /** A folder chosen in a native dialog, or null when cancelled (Electron: dialog.showOpenDialog). */
  pickFolder?: (purpose: 'export' | 'import' | 'keyCard' | 'transport') => Promise<string | null>;
}

/** What every feature service gets: the store, settings, profile and clock. */
export interface CoreContext {
  readonly dataDir: string;
  readonly store: Store;
  readonly ports: CorePorts;
  readonly appVersion: string;
  /**
   * The folder's recovery code while it waits to be written down (shown once at setup), and
   * the confirmation that it was (core/atRest/dataKey.ts).
   */
  readonly recoveryCode: { pending(): string | null; confirm(): Promise<void> };
  now(): Date;
  profile(): OrgProfile;
  /** Saves <data>/profile.json and uses it from now on (first run's choice, a migration). */
  setProfile(profile: OrgProfile): Promise<void>;
  settings(): Settings;
  updateSettings(change: (s: Settings) => Settings): Promise<Settings>;
  /** The signed-in office; throws NOT_SET_UP before first run is done. */
  session(): Session;
  unit(code: string): OrgUnit | undefined;
}

export function notSetUp(): AppError {
  return new AppError('NOT_SET_UP', 'common:errors.NOT_SET_UP');
}
