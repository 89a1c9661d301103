import path from 'node:path';
import { z } from 'zod';
import { HlcSchema } from '../../domain/document';
import { readStateFile } from '../store/stateFiles';
import { durableJsonState } from '../store/durableJsonState';
import type { Vector } from './vector';

/**
 * Local trust and per-peer exchange state, in <data>/sync/peers.json. Not documents: it never
 * travels, and a refused import may update it (a changed key waiting for re-enrolment)
 * without touching a document file. Written durably, one change at a time.
 *
 * A peer is one installation (office + PC): two PCs of one office are two peers, each with
 * its own sequence numbers, acknowledgements and pinned keys.
 */
const VectorSchema = z.record(z.string(), HlcSchema);
const KeysShape = {
  office: z.string(),
  installation: z.string(),
  signingPublicKey: z.string(),
  agreementPublicKey: z.string(),
  fingerprint: z.string(),
};

const SentSchema = z.object({
  seq: z.number().int(),
  bundleId: z.string(),
  at: z.string(),
  /** Per writer, the newest version this bundle made the recipient hold (acked ⊔ included). */
  vector: VectorSchema,
  /** Task/directive ids whose relevance to the recipient can change (see select.ts). */
  shared: z.array(z.string()),
  count: z.number().int(),
});
export type SentRecord = z.infer<typeof SentSchema>;

const PeerSchema = z.object({
  ...KeysShape,
  source: z.enum(['card', 'bundle']),
  pinnedAt: z.string(),
  confirmedByPhone: z.boolean(),
  confirmedAt: z.string().nullable(),
  out: z.object({
    seq: z.number().int(),
    lastBundleHash: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    /** Sent and not yet acknowledged (the last acknowledged one is dropped once acked). */
    sent: z.array(SentSchema),
    sentVector: VectorSchema,
    acked: z.object({ seq: z.number().int(), at: z.string().nullable(), vector: VectorSchema }),
    sharedAcked: z.array(z.string()),
  }),
  in: z.object({
    seqs: z.array(z.number().int()),
    bundleIds: z.array(z.string()),
    /** seq -> sha256 of the whole file, to check the next bundle's prevBundleHash. */
    hashes: z.record(z.string(), z.string()),
    lastSeq: z.number().int(),
    lastAt: z.string().nullable(),
    maxHlc: HlcSchema.nullable(),
  }),
});
export type Peer = z.infer<typeof PeerSchema>;

const PendingSchema = z.object({ ...KeysShape, source: z.enum(['card', 'bundle']), seenAt: z.string() });
export type PendingKey = z.infer<typeof PendingSchema>;

const SyncStateSchema = z.object({ format: z.literal(1), peers: z.array(PeerSchema), pending: z.array(PendingSchema) });
export type SyncState = z.infer<typeof SyncStateSchema>;

export interface KeysOf {
  office: string;
  installation: string;
  signingPublicKey: string;
  agreementPublicKey: string;
  fingerprint: string;
}

export const SYNC_DIR = 'sync';
export const PEERS_FILE = 'peers.json';

export function newPeer(keys: KeysOf, source: 'card' | 'bundle', at: string, confirmed: boolean): Peer {
  return {
    office: keys.office,
    installation: keys.installation,
    signingPublicKey: keys.signingPublicKey,
    agreementPublicKey: keys.agreementPublicKey,
    fingerprint: keys.fingerprint,
    source,
    pinnedAt: at,
    confirmedByPhone: confirmed,
    confirmedAt: confirmed ? at : null,
    out: { seq: 0, lastBundleHash: null, lastSentAt: null, sent: [], sentVector: {}, acked: { seq: 0, at: null, vector: {} }, sharedAcked: [] },
    in: { seqs: [], bundleIds: [], hashes: {}, lastSeq: 0, lastAt: null, maxHlc: null },
  };
}

export const peerKey = (p: { office: string; installation: string }): string => `${p.office}/${p.installation}`;

export function findPeer(s: SyncState, office: string, installation: string): Peer | undefined {
  return s.peers.find((p) => p.office === office && p.installation === installation);
}

export function peersOf(s: SyncState, office: string): Peer[] {
  return s.peers.filter((p) => p.office === office);
}

export interface PeerStore {
  /** The current state (do not mutate; use update). */
  read(): Promise<SyncState>;
  /** Applies a change to a copy, saves it durably, then makes it current. */
  update<T>(change: (s: SyncState) => T): Promise<T>;
}

export function createPeerStore(dataDir: string): PeerStore {
  const file = path.join(dataDir, SYNC_DIR, PEERS_FILE);
  return durableJsonState(file, {
    // A damaged trust file is restored from the newest backup, or the folder is refused: trust
    // decisions made by phone are never dropped silently (stateFiles.ts).
    load: async () =>
      (await readStateFile(dataDir, path.join(SYNC_DIR, PEERS_FILE), (text) => SyncStateSchema.parse(JSON.parse(text)), new Date())) ?? {
        format: 1,
        peers: [],
        pending: [],
      },
  });
}

/** Vector helpers for a peer's outbound side. */
export function ackedVector(p: Peer): Vector {
  return p.out.acked.vector;
}
