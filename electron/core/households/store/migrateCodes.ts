import { CodeAllocator, codeShowsIdNumber } from '../../../domain/households/codes';
import type { CoreContext } from '../../runtime/context';
import type { LocalChange } from '../../store/store';
import { householdDocId } from './docs';

/**
 * One-time move of household codes that show the head's ID number (the old default
 * "<commune>-<CCCD>") to "<commune>-<year first recorded>-<0001>". A household's records of
 * every year get the same new code, so the years stay linked. The document id names the code,
 * so each record moves: the new document and the deletion of the old one go in one store write
 * (journaled like any write: all or nothing). Idempotent: afterwards no code shows an ID
 * number, so running it again finds nothing. Only the office's own records, only at the
 * office (the single writer); the Sở receives the moved records in the next bundle.
 */
export async function migrateHouseholdCodes(ctx: CoreContext): Promise<number> {
  const s = ctx.session();
  if (s.role !== 'office') return 0;
  const office = s.office.code;
  const docs = ctx.store.listAs('household').filter((d) => d.owner === office && !d.deleted);
  const toMove = docs.filter((d) => codeShowsIdNumber(d.data.code, d.data.idNumber));
  if (toMove.length === 0) return 0;

  const allocator = new CodeAllocator(docs.map((d) => d.data.code));
  // Per ID number, the earliest record names the commune and year of the new code.
  const byId = new Map<string, typeof toMove>();
  for (const d of [...toMove].sort((a, b) => a.data.reviewYear - b.data.reviewYear || a.id.localeCompare(b.id))) {
    const list = byId.get(d.data.idNumber);
    if (list) list.push(d);
    else byId.set(d.data.idNumber, [d]);
  }
  const changes: LocalChange[] = [];
  for (const records of byId.values()) {
    const first = records[0];
    if (!first) continue;
    const code = allocator.allocate(first.data.communeCode, first.data.reviewYear);
    for (const d of records) {
      changes.push({ id: householdDocId(office, d.data.reviewYear, code), kind: 'household', owner: office, data: { ...d.data, code } });
      changes.push({ id: d.id, kind: 'household', owner: office, data: d.data, deleted: true });
    }
  }
  await ctx.store.write(changes);
  return toMove.length;
}
