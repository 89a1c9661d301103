import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { OrgProfileSchema, type OrgProfile } from '../../domain/org';
import { FRESH_FOLDER_PROFILE, UNSAVED_PROFILE } from '../../domain/profiles/defaultProfile';
import { writeFileDurable } from '../store/durableFile';

export const PROFILE_FILE = 'profile.json';

/**
 * The organisation profile of this data folder: <data>/profile.json, saved at first run (or by
 * enrolment, or a migration). Without it, a folder not yet set up starts with today's tree; a
 * folder already set up was made before profiles were saved, under the 2022 tree, and keeps it.
 */
export async function loadProfile(dataDir: string, setUp: boolean): Promise<OrgProfile> {
  try {
    const text = await fs.readFile(path.join(dataDir, PROFILE_FILE), 'utf8');
    return OrgProfileSchema.parse(JSON.parse(text));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return setUp ? UNSAVED_PROFILE : FRESH_FOLDER_PROFILE;
    throw e;
  }
}

/** Whether the folder's profile is its own file (not the default of a folder without one). */
export function profileSaved(dataDir: string): boolean {
  return existsSync(path.join(dataDir, PROFILE_FILE));
}

export async function saveProfile(dataDir: string, profile: OrgProfile): Promise<void> {
  await writeFileDurable(path.join(dataDir, PROFILE_FILE), JSON.stringify(OrgProfileSchema.parse(profile), null, 2));
}
