import { z } from 'zod';
import { CommuneSchema } from '../households/communes';
import { HouseholdSchema } from '../households/household';
import { ScoreTableSchema } from '../households/scoring/schema';
import { linesOutOfOrder, SentStandardFileSchema } from '../households/standards/sent';

/** `data` of household and commune documents, as core/households/store writes them. */

export const HouseholdDocDataSchema = HouseholdSchema.extend({
  class: z.enum(['poor', 'nearPoor', 'medium', 'above']),
  /** "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số" */
  reasonText: z.string(),
  updatedAt: z.string().min(1),
  updatedBy: z.string(),
});

export const CommuneDocDataSchema = CommuneSchema.extend({
  office: z.string().regex(/^[A-Z0-9_-]{2,32}$/),
  sample: z.boolean(),
});

/**
 * A Phiếu B score table loaded from the ministry's Excel file (households/scoring). The Sở's
 * travels to every office in bundles, so a new circular needs no software update; an office may
 * load its own while the Sở has not sent one (it then travels to the Sở like its other records).
 */
export const ScoreTableDocDataSchema = z.object({
  table: ScoreTableSchema,
  fileName: z.string().max(255),
  importedAt: z.string().min(1),
  importedBy: z.string(),
});

/**
 * A poverty standard the Sở distributes (households/standards/sent.ts): the standard, whether
 * it replaces the built-in of its id, the pages its values rest on, and who loaded which file
 * when. Lines out of order are refused here too, so a bundle cannot bring what the page refuses.
 */
export const PovertyStandardDocDataSchema = SentStandardFileSchema.extend({
  fileName: z.string().max(255),
  importedAt: z.string().min(1),
  importedBy: z.string(),
}).superRefine((d, ctx) => {
  const wrong = linesOutOfOrder(d.standard);
  if (wrong) ctx.addIssue({ code: 'custom', path: ['standard', 'lines', wrong.params.area, wrong.params.line], message: `${wrong.params.line} below ${wrong.params.after}` });
});
