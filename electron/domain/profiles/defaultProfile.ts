import raw from './profile-lang-son-2022.json' with { type: 'json' };
import { OrgProfileSchema, type OrgProfile } from '../org';

/** The 2022 Lạng Sơn tree from the seed notice, shipped as the default profile. */
export const DEFAULT_PROFILE: OrgProfile = OrgProfileSchema.parse(raw);
