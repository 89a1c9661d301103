import { z } from 'zod';
import type { MessageKey } from '../../i18n/keys';

/**
 * Everything the extractor could not decide, or decided by a rule the officer should check.
 * Each warning becomes an i18n message `directives:extract.warnings.<code>` with `params`.
 */
export const EXTRACT_WARNING_CODES = [
  // directive
  'numberMissing',
  'symbolMissing',
  'dateMissing',
  'dateInvalid',
  'placeMissing',
  'typeMissing',
  'typeConflict',
  'titleMissing',
  'issuingBodyFromSymbol',
  'issuingBodyFromText',
  'issuingBodyProvinceAssumed',
  'issuingBodyMissing',
  'signerMissing',
  'signerTitleMissing',
  'recipientsMissing',
  'taskListNotFound',
  'noTasks',
  'headingWithoutTasks',
  // task
  'fieldAmbiguous',
  'fieldMissing',
  'fieldFromContent',
  'fieldFromTitle',
  'fieldFromDraftingUnit',
  'assigneesFromNotice',
  'assigneesMissing',
  'groupMentionNarrowed',
  'assigneeCountMismatch',
  'deadlineAmbiguous',
  'deadlineInvalidDate',
  'deadlineYearAssumed',
  'deadlineYearMissing',
  'deadlineUnclear',
  'deadlineTentative',
  'deadlineFromHeading',
  'requiredContentsCountMismatch',
] as const;
export const ExtractWarningCodeSchema = z.enum(EXTRACT_WARNING_CODES);
export type ExtractWarningCode = z.infer<typeof ExtractWarningCodeSchema>;

export const ExtractWarningSchema = z.object({
  code: ExtractWarningCodeSchema,
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  taskIndex: z.number().int().nonnegative().optional(),
});
export type ExtractWarning = z.infer<typeof ExtractWarningSchema>;

export function warning(
  code: ExtractWarningCode,
  params: Record<string, string | number> = {},
  taskIndex?: number,
): ExtractWarning {
  const messageKey: MessageKey = `directives:extract.warnings.${code}`;
  const w: ExtractWarning = { code, messageKey, params };
  if (taskIndex !== undefined) w.taskIndex = taskIndex;
  return w;
}

