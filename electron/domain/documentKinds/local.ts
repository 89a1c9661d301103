import { z } from 'zod';
import { DocKindSchema, DocSchema } from '../document';
import { OrgUnitSchema } from '../org';
import { UNIT_NAME_MAX, unitTextAllowed } from '../profiles/unitList';

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

/**
 * A unit the Sở added from its own list (profiles/unitList.ts), sent to every office, which
 * shows it in its pickers and labels. Its words are printed, shown and put in file names, so
 * they are short plain text: never a path, markup or a page of text.
 */
const UnitText = z
  .string()
  .min(1)
  .max(UNIT_NAME_MAX * 2)
  .refine(unitTextAllowed, 'unitText');
export const OrgUnitDataSchema = OrgUnitSchema.extend({
  name: UnitText,
  shortName: UnitText,
  symbol: UnitText,
  place: UnitText.optional(),
  district: UnitText.optional(),
  aliases: z.array(UnitText).max(10).default([]),
  citations: z.array(z.string().max(40)).max(10).default([]),
});

/**
 * Peers and settings live in peers.json and settings.json, not in the store: nothing writes
 * these kinds. Their names stay reserved (a data folder may have the empty folders), and
 * their data must at least be an object.
 */
export const ReservedDataSchema = z.object({});

/**
 * When this PC received a document (issue 13): at the Sở an office's report or task progress,
 * at an office a directive of the Sở; the import time, beside the day the bundle was made.
 * `firstComplete` is the first import of a finished version (report complete, task done):
 * the receipt the deadline is measured against at the Sở. Never sent; written at import.
 */
export const ReceiptDataSchema = z.object({
  docId: z.string().min(1),
  kind: z.enum(['report', 'progress', 'directive']),
  office: z.string().min(1),
  bundleId: z.string().min(1),
  /** When the bundle that last brought the document was made (the office's clock). */
  sentAt: z.string().min(1),
  /** When it was last imported here. */
  receivedAt: z.string().min(1),
  /** The first import of a finished version and the bundle's date; null while none came. */
  firstComplete: z.object({ receivedAt: z.string().min(1), sentAt: z.string().min(1) }).nullable(),
});
