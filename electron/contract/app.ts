import { z } from 'zod';
import { op } from './define';
import type { OrgProfile, OrgUnit } from '../domain/org';
import type { UnitListCheck } from '../domain/profiles/unitList';
import type { FileOut } from './tasks';
import type { AppErrorValue } from '../domain/errors';

export const RoleSchema = z.enum(['so', 'office']);
export type Role = z.infer<typeof RoleSchema>;
export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export interface Session {
  role: Role;
  office: OrgUnit;
  officerName: string;
  installationId: string;
  profileId: string;
  profileName: string;
  province: string;
}

export interface RecoveryNoticeView {
  file: string;
  reason: string;
  restoredFrom: string | null;
  restoredFromDate: string | null;
  movedTo: string;
  /** Records the recovery lost, rolled back to the backup, or repaired (ids and names). */
  records: { id: string; kind: string; label: string; outcome: 'lost' | 'rolledBack' | 'repaired' }[];
}

export interface AppState {
  appVersion: string;
  dataDir: string;
  language: Language;
  session: Session | null;
  recoveries: RecoveryNoticeView[];
  /** The data folder cannot be written (read-only medium, no permission): browse, search and export only. */
  readOnly: boolean;
  /**
   * The folder's recovery code while it waits to be written down: shown once (first run), then
   * null for ever after `app.confirmRecoveryCode`. It opens the folder on another PC.
   */
  recoveryCode: string | null;
}

/** A unit by code and short name (a unit of the profile or an earlier one). */
export interface UnitRef {
  code: string;
  name: string;
}

/** The move of a data folder to another profile: what it changes, and whether it may. */
export interface ProfileMigration {
  from: { id: string; name: string; effectiveFrom: string | null };
  to: { id: string; name: string; effectiveFrom: string | null };
  /** The folder already uses that profile: nothing to do. */
  done: boolean;
  applied: boolean;
  role: Role;
  /** This folder's own unit before and after (null: it has none in the new tree). */
  office: { before: UnitRef; after: UnitRef | null };
  /** Units of the old tree that records here were written under: kept, with where each went. */
  units: (UnitRef & { records: number; becameUnits: (UnitRef & { whole: boolean | null })[] })[];
  /** Why the move is refused in this folder, or null. */
  refusal: AppErrorValue | null;
}

const empty = z.object({}).strict();


export const appOps = {
  'app.state': op(empty).returns<AppState>(),
  'app.profile': op(empty).returns<OrgProfile>(),
  /** The built-in profiles first run offers (whole, so the choice shows its own units and words). */
  'app.profiles': op(empty).returns<OrgProfile[]>(),
  'app.setup': op(
    z
      .object({
        role: RoleSchema,
        /** The office of this PC (role office); the Sở's own code comes from the profile. */
        officeCode: z.string().trim().min(1).max(32).optional(),
        officerName: z.string().trim().min(2, 'app:firstRun.nameTooShort').max(120),
        /** A built-in profile chosen at first run (absent: keep the folder's profile). */
        profileId: z.string().min(1).max(64).optional(),
      })
      .strict(),
  ).returns<AppState>(),
  /**
   * Moves this folder to a newer built-in profile with the shipped mapping of old units to new
   * ones; `dryRun` shows what it would do and why it would be refused. Running it again is a no-op.
   */
  'app.profile.migrate': op(z.object({ to: z.string().min(1).max(64), dryRun: z.boolean() }).strict()).returns<ProfileMigration>(),
  /** The Sở's list of its communes and wards, for units the shipped profile does not cite. */
  'app.units.template': op(empty).returns<FileOut>(),
  /**
   * Preview (dryRun) or apply the list; a list with refused rows is applied only with
   * `acceptedOnly` (the refused rows are left out, as the preview showed them).
   */
  'app.units.import': op(z.object({ base64: z.string().min(4).max(20_000_000), dryRun: z.boolean(), acceptedOnly: z.boolean().optional() }).strict()).returns<UnitListCheck>(),
  'app.setLanguage': op(z.object({ language: LanguageSchema }).strict()).returns<AppState>(),
  'app.dismissRecoveries': op(empty).returns<AppState>(),
  /** The person printed or wrote down the recovery code: it is never shown again. */
  'app.confirmRecoveryCode': op(z.object({ confirmed: z.literal(true) }).strict()).returns<AppState>(),
};
