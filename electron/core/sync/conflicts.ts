import type { ConflictVersion, ConflictView } from '../../contract/sync';
import type { Doc } from '../../domain/document';
import type { LocalChange } from '../store/types';
import { officeName, type Me, type SyncDeps } from './deps';
import { syncError } from './errors';

/**
 * Conflicts: versions of one document written independently (two PCs of one office), kept
 * as 'conflict' documents owned by this office. The officer may keep the current version
 * (closes the conflict) or, in the owning office only, pick the other: it is written again
 * as a new local version (fresh HLC, prevHlc = the current one), so it travels to the others
 * as an ordinary update that replaces what they hold. Elsewhere (e.g. the Sở, for a
 * district's record) picking would write another office's document: only closing is offered.
 */

const versionOf = (d: Doc): ConflictVersion => ({ hlc: d.hlc, author: d.author ?? null, deleted: Boolean(d.deleted), data: d.data });

export function listConflicts(deps: SyncDeps, me: Me, includeResolved: boolean): ConflictView[] {
  const { store } = deps.ctx;
  return store
    .listAs('conflict')
    .filter((c) => c.owner === me.office && (includeResolved || !c.data.resolved))
    .sort((a, b) => b.hlc.localeCompare(a.hlc))
    .map((c) => {
      const current = store.get(c.data.docId);
      return {
        id: c.id,
        docId: c.data.docId,
        kind: c.data.kind,
        owner: c.data.owner,
        ownerName: officeName(deps.ctx, c.data.owner),
        detectedAt: c.data.detectedAt,
        canPick: c.data.owner === me.office,
        current: current ? versionOf(current) : null,
        other: versionOf(c.data.version),
        resolved: c.data.resolved ?? null,
      };
    });
}

export async function resolveConflict(deps: SyncDeps, me: Me, id: string, choice: 'current' | 'other'): Promise<void> {
  const { ctx } = deps;
  const c = ctx.store.getAs('conflict', id);
  if (!c || c.owner !== me.office) throw syncError('CONFLICT_NOT_FOUND', { id });
  if (c.data.resolved) return;
  if (choice === 'other' && c.data.owner !== me.office) throw syncError('NOT_OWNER', { office: officeName(ctx, c.data.owner) });
  const resolved = { at: ctx.now().toISOString(), by: ctx.session().officerName, choice };
  const changes: LocalChange[] = [];
  if (choice === 'other') {
    // The version was checked against its kind when it arrived; the store checks it again.
    const v = c.data.version;
    changes.push({ id: c.data.docId, kind: c.data.kind, owner: c.data.owner, data: v.data, ...(v.deleted ? { deleted: true } : {}) } as LocalChange);
  }
  changes.push({ id, kind: 'conflict', owner: me.office, data: { ...c.data, resolved } });
  await ctx.store.write(changes);
  deps.log(`sync: conflict ${id} on ${c.data.docId} resolved (${choice})`);
}
