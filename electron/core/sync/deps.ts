import { anyUnitByCode, formerCodesOf, isFormerLowerUnit } from '../../domain/profiles/mapping';
import type { Identity } from '../bundles';
import type { CoreContext } from '../runtime/context';
import { rootUnit } from '../../domain/org';
import { createLogger } from '../runtime/log';
import { FileHandles } from '../files/handles';
import { createIdentityStore, type IdentityStore } from './identityStore';
import { createPeerStore, type PeerStore } from './peers';
import { syncError } from './errors';

/** What the sync modules share: the core context, this PC's keys, the peers file, a log. */
export interface SyncDeps {
  ctx: CoreContext;
  identity: IdentityStore;
  peers: PeerStore;
  log: (message: string, error?: unknown) => void;
  /** Folders chosen in the OS dialog, known to the window only by id. */
  handles: FileHandles;
  me(): Promise<Me>;
  /**
   * One export or import at a time (by hand or by a transport run): sequence numbers and
   * peer state change step by step.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Me {
  office: string;
  officeName: string;
  installation: string;
  /** HLC node of this installation (the `author` of its versions). */
  node: string;
  isSo: boolean;
  soCode: string;
  /** Codes this office had before a `profile migrate` (SO for the Sở Nội vụ): still ours as a recipient. */
  formerOffices: string[];
  identity: Identity & { protector: string };
}

export function createSyncDeps(ctx: CoreContext): SyncDeps {
  const identity = createIdentityStore(ctx.dataDir, ctx.ports.keyProtector, ctx.settings().installationId, ctx.store.readOnly);
  let busy = false;
  return {
    exclusive: async <T>(fn: () => Promise<T>): Promise<T> => {
      if (busy) throw syncError('SYNC_BUSY');
      busy = true;
      try {
        return await fn();
      } finally {
        busy = false;
      }
    },
    ctx,
    identity,
    peers: createPeerStore(ctx.dataDir),
    log: createLogger(ctx.dataDir),
    handles: new FileHandles(() => ctx.now().getTime()),
    me: async () => {
      const s = ctx.session();
      return {
        office: s.office.code,
        officeName: s.office.shortName,
        installation: s.installationId,
        node: ctx.settings().node,
        isSo: s.role === 'so',
        soCode: rootUnit(ctx.profile()).code,
        formerOffices: formerCodesOf(ctx.profile(), s.office.code),
        identity: await identity.get(),
      };
    },
  };
}

/** The Sở is the profile's department; every other unit exchanges as an office. */
export function isSoOffice(ctx: CoreContext, code: string): boolean {
  return ctx.unit(code)?.type === 'department';
}

export function officeName(ctx: CoreContext, code: string): string {
  // A unit of an earlier tree (records keep their owner after a move) keeps its own name.
  return anyUnitByCode(ctx.profile(), code)?.shortName ?? code;
}

export function requireKnownOffice(ctx: CoreContext, code: string): void {
  if (!ctx.unit(code)) throw syncError('SENDER_NOT_IN_PROFILE', { office: code });
}

/**
 * A sender whose bundles this folder takes: a unit of its tree, or — after the folder moved to
 * a new tree — a reporting unit of the old one (a 2022 district office, which cannot move,
 * sending its last data). Its records keep its code; a former upper unit stays refused.
 */
export function requireKnownSender(ctx: CoreContext, code: string): void {
  if (!ctx.unit(code) && !isFormerLowerUnit(ctx.profile(), code)) throw syncError('SENDER_NOT_IN_PROFILE', { office: code });
}

/**
 * The code we write under towards a peer: our own, except towards a reporting unit of an earlier
 * tree that could not move (a 2022 district office after the Sở became the Sở Nội vụ). That office
 * knows us only by our code of its tree (SO), pinned our key under it and takes records only
 * from it, so we sign as SO with the same key — a code that is ours (formerCodesOf) — and send
 * only what SO wrote: its acknowledgement above all, so the office learns its last data arrived.
 */
export function ourCodeTowards(ctx: CoreContext, me: Me, office: string): string {
  if (ctx.unit(office) || !isFormerLowerUnit(ctx.profile(), office)) return me.office;
  const formerOf = (code: string) => ctx.profile().formerUnits.find((u) => u.code === code);
  const tree = formerOf(office)?.profileId;
  return me.formerOffices.find((c) => formerOf(c)?.profileId === tree) ?? me.office;
}
