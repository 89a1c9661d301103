import { LANG_SON_2022 } from './builtIn';
import type { OrgProfile } from '../org';

/**
 * The profile of a data folder that has no profile.json: folders made before profiles could be
 * chosen are 2022 Lạng Sơn folders. A new folder chooses its profile at first run.
 */
export const DEFAULT_PROFILE: OrgProfile = LANG_SON_2022;
