import { z } from 'zod';
import { DocKindSchema, DocSchema } from '../document';
import { OrgUnitSchema } from '../org';

/** Kinds kept on one PC (conflicts) or reserved (org units, peers, settings). */

export const ConflictDataSchema = z.object({
  docId: z.string().min(1),
  kind: DocKindSchema,
  owner: z.string().min(1),
  /** The version that lost, whole, so the officer can still pick it. */
  version: DocSchema,
  detectedAt: z.string().min(1),
  resolved: z.object({ at: z.string(), by: z.string(), choice: z.enum(['current', 'other']) }).nullable(),
});

/** The profile's units travel in the profile today; nothing writes this kind yet. */
export const OrgUnitDataSchema = OrgUnitSchema;

/**
 * Peers and settings live in peers.json and settings.json, not in the store: nothing writes
 * these kinds. Their names stay reserved (a data folder may have the empty folders), and
 * their data must at least be an object.
 */
export const ReservedDataSchema = z.object({});
