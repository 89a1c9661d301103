import type { OrgProfile } from '../../org';
import { foldKeep } from './normalize';

/**
 * The issuer of a text that has no header: a portal or newspaper item relaying a notice
 * ("UBND tỉnh vừa ban hành …", "Văn phòng UBND tỉnh thông báo ý kiến chỉ đạo …", "Ngày 18/9/2019,
 * Bộ Lao động – Thương binh và Xã hội ban hành Thông tư …", "Chủ tịch UBND tỉnh có ý kiến chỉ đạo"),
 * or a legal site's metadata row ("Nơi ban hành: | Sở … |"). Read from the opening lines only:
 * bodies named further down are the ones asked to act, not the one asking.
 *
 * A bare "UBND tỉnh" / "UBND huyện" is completed with the name the text gives it elsewhere
 * ("trên địa bàn huyện U Minh Thượng"); when the text names no province, with the profile's own
 * province (a relayed "UBND tỉnh" reaching this office is its own province's), and `assumed` says so.
 */

const OPENING_LINES = 12;
const UBND = String.raw`(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)`;
/** What a body does in a relayed notice's opening sentence. */
const VERBS = ['ban hành', 'chỉ đạo', 'thông báo', 'quyết định', 'có văn bản', 'có ý kiến', 'phê duyệt', 'xây dựng', 'yêu cầu', 'hướng dẫn'];
const anyCaseFirst = (w: string): string => `[${w[0]}${(w[0] ?? '').toUpperCase()}]${w.slice(1)}`;
const BODY_RE = new RegExp(
  String.raw`(?:^|[\s,.;:(])(?:Chủ tịch\s+)?(` +
    [
      String.raw`Văn phòng\s+${UBND}\s+(?:tỉnh|thành phố)`,
      String.raw`${UBND}\s+(?:tỉnh|thành phố|huyện|thị xã|quận)`,
      String.raw`Bộ Lao động\s*[-–,]\s*Thương binh và Xã hội`,
      String.raw`Sở Lao động\s*[-–,]\s*Thương binh và Xã hội`,
      String.raw`Bảo hiểm xã hội Việt Nam`,
      String.raw`Văn phòng Chính phủ`,
    ].join('|') +
    String.raw`)((?:[ \t]+\p{Lu}\p{L}*){0,4})\s+(?:vừa\s+|đã\s+|mới\s+)?(?:${VERBS.map(anyCaseFirst).join('|')})`,
  'u',
);
/** Verbs a capitalised sentence start can carry ("Ủy ban nhân dân huyện Xây dựng Kế hoạch"). */
const VERB_WORDS = /^(xay|ban|chi|thong|quyet|co|phe|yeu|huong|vua|da|moi|giao|de)$/;
const PLACE_AFTER_RE = /(?:tỉnh|thành phố|huyện|thị xã|quận)[ \t]+((?:\p{Lu}\p{L}*)(?:[ \t]+\p{Lu}\p{L}*){0,3})/gu;
const METADATA_RE = /Nơi ban hành\s*:[\s|]*([^|\t]+?)\s*[|\t]/u;

export interface TextIssuer {
  name: string;
  /** The province was not in the text: the profile's own was taken. */
  assumed: boolean;
}

/** The capitalised name after "tỉnh"/"huyện" the text uses most (ignoring upper-case headings). */
function placeNamed(text: string, level: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(PLACE_AFTER_RE)) {
    if (!m[0].toLowerCase().startsWith(level)) continue;
    const words = (m[1] ?? '').split(/\s+/);
    const kept: string[] = [];
    for (const w of words) {
      if (VERB_WORDS.test(foldKeep(w)) || (w.length > 1 && w === w.toUpperCase())) break;
      kept.push(w);
    }
    if (kept.length === 0) continue;
    const name = kept.join(' ');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [name, c] of counts) if (c > n) [best, n] = [name, c];
  return best;
}

/**
 * Issuers written in the symbol of a national document ("11/2015/TT-BLĐTBXH"): only bodies whose
 * abbreviation is fixed by law and the same in every province.
 */
const NATIONAL_SYMBOL_ISSUERS: Record<string, string> = {
  BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  LĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  TTG: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  VPCP: 'Văn phòng Chính phủ',
};
/** A relayed item about one document: "(TVPL) - Theo Thông tư 11/2015/TT-BLĐTBXH thì …". */
const SUBJECT_DOC_RE = /(?:^|[-–:)]\s*)(?:Theo|Tại)\s+(?:Thông tư|Nghị định|Quyết định|Chỉ thị|Công văn)\s+(?:số\s+)?\d+\/(?:\d{4}\/)?[\p{Lu}Đ]+-([\p{Lu}Đ]+)\b/u;

export function issuerFromText(lines: string[], profile: OrgProfile): TextIssuer | null {
  for (const line of lines.slice(0, OPENING_LINES + 10)) {
    const m = METADATA_RE.exec(line);
    if (m?.[1]) return { name: m[1].trim(), assumed: false };
  }
  const filled = lines.filter((l) => l.trim() !== '');
  const opening = filled.slice(0, OPENING_LINES);
  const all = lines.join('\n');
  // A hard-wrapped copy (PDF-like) can break the body's name over two lines ("Bộ Lao động" /
  // "- Thương binh và Xã hội hướng dẫn …"), so each line is read together with the next.
  for (const [i, line] of opening.entries()) {
    const m = BODY_RE.exec(line) ?? BODY_RE.exec(`${line}\n${filled[i + 1] ?? ''}`);
    if (!m) continue;
    const body = (m[1] ?? '').replace(/\s+/g, ' ').trim();
    const nameWords = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
    const name: string[] = [];
    for (const w of nameWords) {
      if (VERB_WORDS.test(foldKeep(w))) break;
      name.push(w);
    }
    if (name.length > 0) return { name: `${body} ${name.join(' ')}`, assumed: false };
    const level = /(tỉnh|thành phố|huyện|thị xã|quận)$/u.exec(body)?.[1];
    if (!level) return { name: body, assumed: false };
    const named = placeNamed(all, level);
    if (named) return { name: `${body} ${named}`, assumed: false };
    if (level === 'tỉnh') return { name: `${body} ${profile.province}`, assumed: true };
    return { name: body, assumed: false };
  }
  for (const line of opening) {
    const code = SUBJECT_DOC_RE.exec(line)?.[1]?.toUpperCase();
    const name = code ? NATIONAL_SYMBOL_ISSUERS[code] : undefined;
    if (name) return { name, assumed: false };
  }
  return null;
}
