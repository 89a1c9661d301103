import { describe, expect, it } from 'vitest';
import communes2022 from '../../../electron/domain/profiles/lang-son-communes-2022.json' with { type: 'json' };
import { LANG_SON_2022, LANG_SON_2022_TO_2025, LANG_SON_2025 } from '../../../electron/domain/profiles/builtIn';
import { formerCodesOf, isFormerLowerUnit, migrateProfile } from '../../../electron/domain/profiles/mapping';
import type { OrgProfile } from '../../../electron/domain/org';

const COMMUNES_2022 = new Set(communes2022.trees.flatMap((t) => t.communes.map((c) => c.code)));
const migrated = migrateProfile(LANG_SON_2022, LANG_SON_2025, LANG_SON_2022_TO_2025, COMMUNES_2022);

describe('codes a unit had in earlier trees (who a bundle addressed to an old code is for)', () => {
  it('the Sở Nội vụ was the Sở LĐTBXH; nobody else was', () => {
    expect(formerCodesOf(migrated, 'SNV')).toEqual(['SO']);
    // Xã Văn Quan took part of huyện Văn Quan: a split district is nobody's former code.
    const vqWent = migrated.formerUnits.find((u) => u.code === 'VANQUAN')?.becameUnits ?? [];
    expect(vqWent.length).toBeGreaterThan(1);
    for (const b of vqWent) expect(formerCodesOf(migrated, b.code)).toEqual([]);
    // A folder that never moved has no former codes.
    expect(formerCodesOf(LANG_SON_2022, 'SO')).toEqual([]);
  });

  it('a second move carries the old code along (SO → SNV → a later code)', () => {
    const later: OrgProfile = {
      ...migrated,
      units: migrated.units.map((u) => (u.code === 'SNV' ? { ...u, code: 'SNV2' } : u)),
      formerUnits: [
        ...migrated.formerUnits,
        { ...(migrated.units.find((u) => u.code === 'SNV') as OrgProfile['units'][number]), profileId: migrated.id, until: '2030-12-31', lower: false, becameUnits: [{ code: 'SNV2', whole: true }] },
      ],
    };
    expect(formerCodesOf(later, 'SNV2').sort()).toEqual(['SNV', 'SO']);
  });

  it('a 2022 district office is a former reporting unit; the old Sở and current units are not', () => {
    expect(isFormerLowerUnit(migrated, 'VANQUAN')).toBe(true);
    expect(isFormerLowerUnit(migrated, 'SO')).toBe(false);
    expect(isFormerLowerUnit(migrated, 'SNV')).toBe(false);
    expect(isFormerLowerUnit(LANG_SON_2022, 'VANQUAN')).toBe(false);
  });
});
