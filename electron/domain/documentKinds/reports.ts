import { z } from 'zod';
import { ReportFormSchema } from '../reports/form';
import { IndicatorValueSchema } from '../reports/values';

/** `data` of the reports documents, as core/reports/writes.ts writes them (see tasks.ts on strictness). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().min(1);
const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);

export const ReportDataSchema = z.object({
  formId: z.string().min(1),
  version: z.number().int().positive(),
  period: z.string().min(1),
  office: officeCode,
  values: z.record(z.string(), IndicatorValueSchema),
  status: z.enum(['draft', 'complete']),
  completedOn: isoDate.nullable(),
  completedAt: instant.nullable(),
  updatedBy: z.string(),
  updatedAt: instant,
});

/** A form version is its own full definition, checked by the domain's form rules. */
export const ReportFormDataSchema = ReportFormSchema;

export const TargetDataSchema = z.object({
  formId: z.string().min(1),
  year: z.number().int(),
  office: officeCode,
  values: z.record(z.string(), z.number().finite()),
  updatedBy: z.string(),
  updatedAt: instant,
});

export const ReportReviewDataSchema = z.object({
  reportId: z.string().min(1),
  formId: z.string().min(1),
  period: z.string().min(1),
  office: officeCode,
  outcome: z.enum(['accepted', 'returned']),
  comment: z.string(),
  fieldComments: z.record(z.string(), z.string()),
  reportRev: z.number().int().nonnegative(),
  reportHlc: z.string().min(1),
  reviewedBy: z.string(),
  reviewedAt: instant,
});
