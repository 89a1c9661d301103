/**
 * Which sentences ask someone to act ("Giao Sở … chủ trì …", "UBND các huyện chủ động …",
 * "báo cáo … trước ngày …"), and which only look as if they did.
 */

/**
 * A request to act, read on word boundaries of the diacritic text (folding would make "giao"
 * match "Giáo dục"): giao (not "giao ban", "giao thông", "giao dịch"), đề nghị (not "Theo/Xét đề nghị
 * của"), yêu cầu, chủ trì, phối hợp, có trách nhiệm.
 */
const REQUEST_RE =
  /(?<!\p{L})(giao(?! ban| thông| dịch| lưu| tiếp| nhận| hàng)|đề nghị|yêu cầu|chủ trì|phối hợp|có trách nhiệm)(?!\p{L})/u;
/** Sentences that look like requests but are not: preambles, approvals, the closing article, definitions. */
const NOT_REQUEST_RE =
  /^(?:điều \d+\.\s*)?(căn cứ|theo đề nghị|xét đề nghị|thực hiện (?:công văn|quyết định|kế hoạch|chỉ thị|thông báo|nghị)|đồng ý|tại công văn|để bảo đảm|nhằm|kỳ hạn|báo cáo phải|báo cáo bằng)/u;
/** The issuer telling what it did itself ("UBND tỉnh vừa ban hành …", "Văn phòng UBND tỉnh thông báo …"). */
const ISSUER_SELF_RE =
  /^(?:\([^)]*\)\s*)?(?:chủ tịch |văn phòng )?(?:ubnd|ủy ban nhân dân|bộ [^,.]{0,40}?)(?: tỉnh| huyện)?\s+(?:cũng\s+)?(vừa|đã|thông báo|ban hành|chỉ đạo|xây dựng kế hoạch|hướng dẫn)(?!\p{L})/u;
/** A dated duty to report or send ("báo cáo UBND tỉnh trước ngày 05/01/2019", "gửi … chậm nhất là ngày 15/01"). */
const DUTY_RE = /(?<!\p{L})(báo cáo|gửi|nộp|hoàn thành)(?!\p{L})[^.]{0,120}?(trước ngày|chậm nhất)/u;
const CLOSING_RE = /(chịu trách nhiệm thi hành|có hiệu lực|thi hành quyết định này)/u;
/** "Hộ nghèo là …", "Hộ nghèo: Là hộ …" — a noun phrase, so no comma before "là"; "chậm nhất là ngày" is a deadline. */
const DEFINITION_RE = /^[^.:;,]{2,60}(?::\s*là|(?<!nhất)\s+là)\s/u;
/** A unit opening the sentence and acting ("UBND các huyện … chủ động …", "Các huyện … có kế hoạch …"). */
const UNIT_ACTS_RE =
  /^(?:ubnd|ủy ban nhân dân|sở|các sở|các huyện|phòng|trung tâm|bảo hiểm xã hội|bhxh)[^.]{0,120}?(?<!\p{L})(chủ động|có kế hoạch|triển khai|tổ chức|thực hiện|báo cáo|gửi báo cáo)(?!\p{L})/u;

/** A line announcing what follows ("… hướng dẫn một số nội dung cụ thể như sau:") asks nothing itself. */
const ANNOUNCES_RE = /(?<!\p{L})như sau\s*:\s*$/u;
/** A purpose clause before the request ("Để bảo đảm …; Giám đốc Sở đề nghị …"): the request is after the ";". */
const PURPOSE_LEAD_RE = /^(?:để|nhằm)(?!\p{L})[^;]*;\s*/iu;

const bare = (text: string): string => text.trim().replace(/^[-–+•]\s*|^\d{1,2}[.)]\s*|^[a-zđ][.)]\s*/u, '').toLowerCase();

/** Looks like a request but is none: preamble, approval, closing article, definition, the issuer about itself. */
export function isNonRequest(text: string): boolean {
  const t = bare(text);
  return NOT_REQUEST_RE.test(t) || CLOSING_RE.test(t) || DEFINITION_RE.test(t) || ISSUER_SELF_RE.test(t) || ANNOUNCES_RE.test(t);
}

export function isRequest(text: string): boolean {
  const t = bare(text);
  if (isNonRequest(t)) return false;
  return REQUEST_RE.test(t) || UNIT_ACTS_RE.test(t) || DUTY_RE.test(t);
}

/** The request in a sentence, without a leading purpose clause; null when it asks nothing. */
export function requestPart(sentence: string): string | null {
  if (isRequest(sentence)) return sentence;
  const rest = sentence.replace(PURPOSE_LEAD_RE, '');
  return rest !== sentence && isRequest(rest) ? rest : null;
}

const DATED_CUE_RE = /(?<!\p{L})(?:trước ngày|chậm nhất(?: là)?(?: ngày)?)\s*(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?)/gu;
const DUTY_START_RE = /(?:;\s*|,\s*|\s+và\s+)(?=(?:báo cáo|gửi|nộp|hoàn thành)(?!\p{L}))/gu;

/**
 * One sentence holding two duties with different deadlines ("báo cáo nhanh … trước ngày 20/01/2019
 * và báo cáo kết quả … trước ngày 10/3/2019") is two tasks: it is cut before the duty verb that
 * opens the second, so each keeps its own date.
 */
export function splitDatedDuties(sentence: string): string[] {
  const cues = [...sentence.matchAll(DATED_CUE_RE)];
  if (cues.length < 2 || new Set(cues.map((c) => (c[1] ?? '').replace(/\s+/g, ''))).size < 2) return [sentence];
  const cuts: number[] = [];
  for (let k = 1; k < cues.length; k++) {
    const prev = cues[k - 1];
    const cur = cues[k];
    if (!prev || !cur || prev.index === undefined || cur.index === undefined) continue;
    const from = prev.index + prev[0].length;
    let cut = -1;
    let len = 0;
    for (const m of sentence.slice(from, cur.index).matchAll(DUTY_START_RE)) {
      cut = from + (m.index ?? 0);
      len = m[0].length;
    }
    if (cut >= 0) cuts.push(cut, cut + len);
  }
  if (cuts.length === 0) return [sentence];
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(sentence.slice(at, cuts[i]).trim());
    at = cuts[i + 1] ?? at;
  }
  parts.push(sentence.slice(at).trim());
  return parts.filter((p) => p.length > 0);
}
