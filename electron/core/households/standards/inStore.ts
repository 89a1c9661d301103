import { effectiveStandards, STANDARDS, type PovertyStandard, type SentStandard } from '../../../domain/households/standards';
import type { Store } from '../../store/store';

/**
 * The standards a data folder classifies by: the built-ins and those the Sở sent (kind
 * povertyStandard), per store — the Sở and an office may be open in one process (tests, the
 * CLI), and an office uses a Sở standard only once its bundle has arrived. The same array is
 * returned until a povertyStandard document changes (its id and stamp are the key: a handful
 * of documents, compared without depending on the order of change listeners), so classStamp's
 * per-standard cache and the summary file's rules string stay stable. Callers ask once per
 * batch, not per household.
 */

const cache = new WeakMap<Store, { key: string; list: readonly PovertyStandard[] }>();

export function sentStandardsOf(store: Store): SentStandard[] {
  return store.listAs('povertyStandard').map((d) => ({ standard: d.data.standard, replacesBuiltIn: d.data.replacesBuiltIn, importedAt: d.data.importedAt }));
}

export function standardsOf(store: Store): readonly PovertyStandard[] {
  let key = '';
  for (const d of store.values('povertyStandard')) key += `${d.id}@${d.hlc}${d.deleted ? '-' : ''};`;
  const hit = cache.get(store);
  if (hit && hit.key === key) return hit.list;
  const list = key === '' ? STANDARDS : effectiveStandards(STANDARDS, sentStandardsOf(store));
  cache.set(store, { key, list });
  return list;
}
