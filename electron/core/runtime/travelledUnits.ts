import type { OrgProfile, OrgUnit } from '../../domain/org';
import { withTravelledUnits } from '../../domain/profiles/unitList';
import type { Store } from '../store/store';

/** The units the Sở's list added (orgUnit documents), deleted ones left out. */
export function travelledUnits(store: Store): OrgUnit[] {
  return store.listAs('orgUnit').map((d) => d.data);
}

/**
 * The profile this folder works with: its profile file plus the units the Sở added from its
 * list. Recomputed whenever an orgUnit document is written here (the Sở's apply) or imported
 * (an office receiving the Sở's bundle), so pickers and labels show new units at once.
 */
export function followTravelledUnits(store: Store, base: () => OrgProfile, use: (profile: OrgProfile) => void): () => void {
  use(withTravelledUnits(base(), travelledUnits(store)));
  return store.onChange((docs) => {
    if (docs.some((d) => d.kind === 'orgUnit')) use(withTravelledUnits(base(), travelledUnits(store)));
  });
}
