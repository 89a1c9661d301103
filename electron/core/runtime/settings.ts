import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { writeFileDurable } from '../store/durableFile';
import { readStateFile } from '../store/stateFiles';
import { LanguageSchema, RoleSchema } from '../../contract/app';

/**
 * Installation settings: who this PC is. Local to the installation and never synced, so they
 * live in their own file rather than in the document store.
 */
export const SettingsSchema = z.object({
  format: z.literal(1),
  installationId: z.string(),
  /** Short id used as the HLC node of this installation. */
  node: z.string().regex(/^[0-9a-z]{8}$/),
  createdAt: z.string(),
  language: LanguageSchema,
  session: z
    .object({
      role: RoleSchema,
      officeCode: z.string(),
      officerName: z.string(),
      setupAt: z.string(),
    })
    .nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_FILE = 'settings.json';

/**
 * The settings of a data folder; a new installation only when there are none. A damaged file is
 * restored from the newest backup (stateFiles.ts) or the folder is refused: never a silent reset.
 */
export async function loadSettings(dataDir: string, now: Date): Promise<Settings> {
  const existing = await readStateFile(dataDir, SETTINGS_FILE, (text) => SettingsSchema.parse(JSON.parse(text)), now);
  if (existing) return existing;
  const fresh: Settings = {
    format: 1,
    installationId: uuidv7(),
    node: randomBytes(4).toString('hex'),
    createdAt: now.toISOString(),
    language: 'vi',
    session: null,
  };
  await saveSettings(dataDir, fresh);
  return fresh;
}

export async function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  await writeFileDurable(path.join(dataDir, SETTINGS_FILE), JSON.stringify(settings, null, 2));
}

/**
 * Whether a folder was set up, read without opening it (no settings are created, nothing is
 * restored): for commands that only read the folder's profile.
 */
export function folderIsSetUp(dataDir: string): boolean {
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(path.join(dataDir, SETTINGS_FILE), 'utf8')));
    return parsed.success && parsed.data.session !== null;
  } catch {
    return false;
  }
}
