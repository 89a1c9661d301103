import type { ClassificationReason } from './classify';
import { formatNumberVi } from '../numbers';

/**
 * Vietnamese texts the core itself must write (the reason beside a class, the "Lỗi" column of
 * the rejected-rows workbook). They are the same templates as electron/domain/i18n/locales/vi/
 * households.json, checked by a test, so the UI and the files never say different things.
 * Templates use i18next syntax: {{name}} and {{name, number}}; keys with a count carry the
 * `_other` suffix (Vietnamese has no plural forms).
 */
export const VI_TEMPLATES: Readonly<Record<string, string>> = {
  'reason.withDeprivations_other': 'thu nhập {{income, number}} đ ≤ {{limit, number}} đ; thiếu hụt {{count}} chỉ số',
  'reason.between': 'thu nhập {{income, number}} đ > {{lower, number}} đ và ≤ {{limit, number}} đ',
  'reason.atMost': 'thu nhập {{income, number}} đ ≤ {{limit, number}} đ',
  'reason.above': 'thu nhập {{income, number}} đ > {{limit, number}} đ',

  'problem.headerNotFound':
    'Không tìm thấy dòng tiêu đề của bảng trong 10 dòng đầu (cần các cột như “Họ và tên chủ hộ”, “Số CCCD”, “Thu nhập bình quân”).',
  'problem.columnMissing': 'Bảng không có cột “{{column}}”.',
  'problem.required': '“{{column}}” đang để trống.',
  'problem.tooLong': '“{{column}}” dài quá {{max}} ký tự.',
  'problem.invalid': 'Giá trị ở cột “{{column}}” không hợp lệ.',
  'problem.idNumberInvalid': 'Số định danh “{{value}}” không hợp lệ: cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND).',
  'problem.duplicateId': 'Số định danh {{value}} trùng với dòng {{rows}}.',
  'problem.duplicateCode': 'Mã hộ {{value}} trùng với dòng {{rows}}.',
  'problem.duplicateIdStored': 'Số định danh {{value}} đã có ở hộ {{code}} ({{name}}) trong danh sách năm nay.',
  'problem.notANumber': '“{{value}}” không phải là số.',
  'problem.membersInvalid': 'Số nhân khẩu phải là số nguyên từ 1 đến 99, đang là “{{value}}”.',
  'problem.incomeMissing': 'Chưa có thu nhập bình quân đầu người/tháng nên chưa xếp loại được hộ.',
  'problem.incomeNegative': 'Thu nhập không thể âm (“{{value}}”).',
  'problem.incomeImplausible':
    'Thu nhập {{value, number}} đ/người/tháng thấp bất thường: nếu cột tính bằng nghìn đồng, hãy ghi “(nghìn đồng)” trong tiêu đề cột.',
  'problem.communeUnknown': 'Không có xã/phường/thị trấn “{{value}}” trong danh mục của đơn vị.',
  'problem.villageUnknown': 'Không có thôn/bản “{{value}}” trong danh mục của {{commune}}.',
  'problem.areaInvalid': 'Khu vực “{{value}}” không rõ: ghi “Thành thị” hoặc “Nông thôn”.',
  'problem.markInvalid': '“{{value}}” không rõ: đánh “x” (hoặc 1, “có”) nếu có, để trống nếu không.',
};

export type Params = Readonly<Record<string, string | number | undefined>>;

/** Renders a "households:..." key in Vietnamese; unknown keys come back as the key itself. */
export function renderVi(key: string, params: Params = {}): string {
  const bare = key.replace(/^households:/, '');
  const template = (params.count !== undefined ? VI_TEMPLATES[`${bare}_other`] : undefined) ?? VI_TEMPLATES[bare];
  if (template === undefined) return key;
  return template.replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (_m, name: string, format: string | undefined) => {
    const v = params[name];
    if (v === undefined) return '';
    return format === 'number' && typeof v === 'number' ? formatNumberVi(v) : String(v);
  });
}

/** "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số" */
export function formatReasonVi(reason: ClassificationReason): string {
  return renderVi(reason.key, reason.params);
}

export interface Problem {
  messageKey: string;
  params: Record<string, string | number>;
}

export function problem(key: string, params: Record<string, string | number> = {}): Problem {
  return { messageKey: `households:problem.${key}`, params };
}

export function formatProblemVi(p: Problem): string {
  return renderVi(p.messageKey, p.params);
}
