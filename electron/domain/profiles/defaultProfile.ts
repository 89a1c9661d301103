import { LANG_SON_2022, LANG_SON_2025 } from './builtIn';
import type { OrgProfile } from '../org';

/**
 * The profile a new data folder starts with: the organisation in force today (the Sở Nội vụ and
 * the communes and wards from 1 July 2025). First run may still choose the 2022 tree, which
 * stays for data written under it.
 */
export const FRESH_FOLDER_PROFILE: OrgProfile = LANG_SON_2025;

/**
 * The profile of a folder that was set up but has no profile.json: folders set up before the
 * profile was saved with them were all made under the 2022 Lạng Sơn tree, and keep it.
 */
export const UNSAVED_PROFILE: OrgProfile = LANG_SON_2022;
