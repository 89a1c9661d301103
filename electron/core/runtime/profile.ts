import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OrgProfileSchema, type OrgProfile } from '../../domain/org';
import { DEFAULT_PROFILE } from '../../domain/profiles/defaultProfile';
import { writeFileDurable } from '../store/durableFile';

export const PROFILE_FILE = 'profile.json';

/**
 * The organisation profile of this installation: the shipped 2022 Lạng Sơn tree until a
 * replacement is put in <data>/profile.json (administrative units change; the tree is data).
 */
export async function loadProfile(dataDir: string): Promise<OrgProfile> {
  try {
    const text = await fs.readFile(path.join(dataDir, PROFILE_FILE), 'utf8');
    return OrgProfileSchema.parse(JSON.parse(text));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_PROFILE;
    throw e;
  }
}

export async function saveProfile(dataDir: string, profile: OrgProfile): Promise<void> {
  await writeFileDurable(path.join(dataDir, PROFILE_FILE), JSON.stringify(OrgProfileSchema.parse(profile), null, 2));
}
