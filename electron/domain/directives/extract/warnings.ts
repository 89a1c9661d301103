import { z } from 'zod';

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
  const w: ExtractWarning = { code, messageKey: `directives:extract.warnings.${code}`, params };
  if (taskIndex !== undefined) w.taskIndex = taskIndex;
  return w;
}

/**
 * Vietnamese wording for the locale files (i18next interpolation). Kept next to the codes so a
 * new code cannot ship without its sentence.
 */
export const EXTRACT_WARNING_TEXT_VI: Record<ExtractWarningCode, string> = {
  numberMissing: 'Văn bản chưa có số (chỉ có ký hiệu {{symbol}}). Nhập số nếu đã có.',
  symbolMissing: 'Không tìm thấy dòng "Số: .../..." của văn bản.',
  dateMissing: 'Ngày ban hành để trống ("{{text}}"). Nhập ngày nếu đã có.',
  dateInvalid: 'Ngày ban hành không hợp lệ: "{{text}}".',
  placeMissing: 'Không tìm thấy địa danh ở dòng ngày tháng.',
  typeMissing: 'Không xác định được loại văn bản.',
  typeConflict: 'Tên loại "{{heading}}" không khớp ký hiệu ({{symbol}}); đã lấy theo tên loại.',
  titleMissing: 'Không tìm thấy trích yếu.',
  issuingBodyFromSymbol: 'Văn bản không có tên cơ quan ban hành; đã suy ra từ ký hiệu {{symbol}}: {{body}}.',
  issuingBodyMissing: 'Không xác định được cơ quan ban hành.',
  signerMissing: 'Không tìm thấy người ký.',
  signerTitleMissing: 'Không tìm thấy chức vụ người ký.',
  recipientsMissing: 'Không tìm thấy danh sách nơi nhận.',
  taskListNotFound: 'Không thấy câu giao nhiệm vụ ("yêu cầu/đề nghị ... sau:"); các ý gạch đầu dòng được đề xuất là nhiệm vụ, cần kiểm tra.',
  noTasks: 'Không tìm thấy nhiệm vụ nào trong văn bản.',
  headingWithoutTasks: 'Tiêu đề "{{text}}" không có nhiệm vụ nào bên dưới.',
  fieldAmbiguous: 'Nhiệm vụ {{task}}: có thể thuộc nhiều lĩnh vực ({{candidates}}); chọn một lĩnh vực.',
  fieldMissing: 'Nhiệm vụ {{task}}: chưa xác định được lĩnh vực.',
  fieldFromContent: 'Nhiệm vụ {{task}}: lĩnh vực {{field}} được suy ra từ nội dung nhiệm vụ.',
  fieldFromTitle: 'Nhiệm vụ {{task}}: lĩnh vực {{field}} được suy ra từ trích yếu văn bản.',
  fieldFromDraftingUnit: 'Nhiệm vụ {{task}}: lĩnh vực {{field}} được suy ra từ đơn vị soạn thảo {{unit}}.',
  assigneesFromNotice: 'Nhiệm vụ {{task}} không nêu đơn vị thực hiện; đã lấy các đơn vị được giao chung: {{mention}}.',
  assigneesMissing: 'Nhiệm vụ {{task}}: chưa xác định được đơn vị thực hiện.',
  groupMentionNarrowed: 'Nhiệm vụ {{task}}: "{{mention}}" được hiểu là các đơn vị đã nêu ({{units}}).',
  assigneeCountMismatch: 'Nhiệm vụ {{task}}: văn bản nêu {{stated}} huyện nhưng tìm thấy {{found}}.',
  deadlineAmbiguous: 'Nhiệm vụ {{task}} có nhiều thời hạn ({{candidates}}); chọn một.',
  deadlineInvalidDate: 'Nhiệm vụ {{task}}: ngày "{{text}}" không có thật.',
  deadlineYearAssumed: 'Nhiệm vụ {{task}}: "{{text}}" không ghi năm; đã lấy năm {{year}}.',
  deadlineYearMissing: 'Nhiệm vụ {{task}}: "{{text}}" không ghi năm.',
  deadlineUnclear: 'Nhiệm vụ {{task}} có ngày "{{text}}" nhưng không rõ là thời hạn.',
  deadlineTentative: 'Nhiệm vụ {{task}}: thời hạn "{{text}}" chỉ là dự kiến.',
  deadlineFromHeading: 'Nhiệm vụ {{task}}: thời hạn lấy từ tiêu đề "{{text}}".',
  requiredContentsCountMismatch: 'Nhiệm vụ {{task}}: văn bản nêu {{stated}} nội dung nhưng tách được {{found}}.',
};
