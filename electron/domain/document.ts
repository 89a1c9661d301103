import { z } from 'zod';

/**
 * Every record is a document (docs/ARCHITECTURE.md, "Documents"). `owner` is the office code that may write it
 * (single writer); `hlc` orders versions without trusting PC clocks; `rev` counts the owner's
 * writes of this document.
 */
export const DOC_KINDS = [
  'orgUnit',
  'directive',
  'task',
  'progress',
  'review',
  'report',
  'reportForm',
  'target',
  'reportReview',
  'household',
  'commune',
  'scoreTable',
  'povertyStandard',
  'attachment',
  'field',
  'audit',
  'conflict',
  'receipt',
  'peer',
  'setting',
  'transport',
] as const;
export const DocKindSchema = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKindSchema>;

export const HlcSchema = z.string().regex(/^\d{15}-\d{6}-[0-9a-z]{1,16}$/, 'hlc');

export const DocSchema = z.object({
  id: z.string().min(1).max(200),
  kind: DocKindSchema,
  owner: z.string().min(1).max(64),
  rev: z.number().int().nonnegative(),
  hlc: HlcSchema,
  /** Installation that wrote this version; lets two PCs of one office be told apart. */
  author: z.string().max(64).optional(),
  /**
   * HLC of the version this one replaced, as its writer knew it. An incoming version whose
   * prevHlc is not the version we hold was written without seeing ours: a conflict.
   */
  prevHlc: HlcSchema.optional(),
  deleted: z.boolean().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type Doc<D = Record<string, unknown>> = Omit<z.infer<typeof DocSchema>, 'data'> & { data: D };
