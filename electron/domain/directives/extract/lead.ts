/**
 * The unit that must act (chủ trì), as the notice writes it, whether or not the profile knows
 * it: "Giao Sở Lao động - Thương binh và Xã hội chủ trì …" -> "Sở Lao động - Thương binh và Xã
 * hội"; "đề nghị Ủy ban nhân dân các tỉnh … chỉ đạo …"; "UBND các huyện, thành, thị chủ động …".
 * The phối hợp units stay apart (partners). Read on the diacritic text, word by word.
 */

/** Words that end the unit's name: what the unit is asked to do. */
const VERBS =
  'chủ trì|phối hợp|thực hiện|triển khai|chủ động|có kế hoạch|có trách nhiệm|tổ chức|báo cáo|gửi|tổng hợp|xây dựng|làm đầu mối|đẩy nhanh|chỉ đạo|nghiên cứu|hướng dẫn|căn cứ|rà soát|tiếp tục|khẩn trương|quan tâm|tăng cường|cử|sẽ|theo dõi|kiểm tra|đôn đốc|phân bổ|bố trí|tham mưu';
const UNIT_START = '(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|sở|các sở|bộ|các bộ|phòng|văn phòng|trung tâm|bảo hiểm xã hội|bhxh|vụ|cục|các huyện|các đơn vị|giám đốc|thủ trưởng|trưởng|chi cục|ban|hội|trường|công an|đài|báo)';

const AFTER_ASK_RE = new RegExp(`(?<!\\p{L})(?:giao(?: cho)?|đề nghị|yêu cầu)\\s+(${UNIT_START}(?!\\p{L})[^:;.]*?)(?:\\s*\\([^)]*\\))?\\s*(?=(?:,\\s*)?(?:${VERBS})(?!\\p{L})|:|$)`, 'iu');
const SUBJECT_RE = new RegExp(`^(${UNIT_START}(?!\\p{L})[^:;.]*?)(?:\\s*\\([^)]*\\))?\\s*(?=(?:,\\s*)?(?:${VERBS})(?!\\p{L}))`, 'iu');

function tidy(s: string): string | null {
  const t = s.replace(/\s+/g, ' ').replace(/[,\s]+$/, '').trim();
  return t.length >= 3 && t.length <= 160 ? t : null;
}

export function leadOf(text: string): string | null {
  const t = text
    .trim()
    .replace(/^(?:điều \d+\.|[-–+•]|\d{1,2}[.)]|[a-zđ][.)])\s*/iu, '')
    .replace(/^(?:theo đó|ngoài ra|đồng thời|bên cạnh đó)\s*,?\s*/iu, '');
  const ask = AFTER_ASK_RE.exec(t);
  if (ask?.[1]) return tidy(ask[1]);
  const subject = SUBJECT_RE.exec(t);
  if (subject?.[1]) return tidy(subject[1]);
  return null;
}
