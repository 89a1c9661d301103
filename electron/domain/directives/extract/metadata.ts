import { issuerFromText } from './issuerFromText';
import { unitByCode, type OrgProfile } from '../../org';
import { isoDate } from '../../calendar';
import { foldKeep, isUpperText, splitCells, startsLowercase } from './normalize';
import type { DirectiveProposal } from './proposal';
import { divisionBySymbol, findNumberSymbol, readSymbol } from './symbol';
import { cleanRecipient, findBodyEnd, readTail } from './tail';
import { warning, type ExtractWarning } from './warnings';
import { keysOf } from './words';

/**
 * The official parts of a notice (Nghị định 30/2020/NĐ-CP layout): issuing body, số/ký hiệu,
 * place and date, type and trích yếu (or "V/v" for a công văn), Kính gửi, then the body,
 * then Nơi nhận and the signature block. Word's layout tables arrive as tab-separated cells,
 * so every header and tail line is read cell by cell.
 */

export interface NoticeFrame {
  directive: DirectiveProposal;
  /** Lines [bodyStart, bodyEnd) hold the body. */
  bodyStart: number;
  bodyEnd: number;
  warnings: ExtractWarning[];
}

const HEAD_LINES = 40;

/** Document types by heading (folded words). */
const TYPE_HEADINGS: Record<string, string> = {
  'thong bao': 'Thông báo',
  'thong bao ket luan': 'Thông báo kết luận',
  'thong bao y kien ket luan': 'Thông báo kết luận',
  'ke hoach': 'Kế hoạch',
  'quyet dinh': 'Quyết định',
  'bao cao': 'Báo cáo',
  'chi thi': 'Chỉ thị',
  'huong dan': 'Hướng dẫn',
  'cong van': 'Công văn',
  'giay moi': 'Giấy mời',
  'to trinh': 'Tờ trình',
  'cong dien': 'Công điện',
  'chuong trinh': 'Chương trình',
  'nghi quyet': 'Nghị quyết',
  'ket luan': 'Kết luận',
};

const BODY_OPENERS = /^(can cu|thuc hien|ngay \d|kinh gui|sau khi|hom nay|vao ngay|theo |tren co so|nham |de )/;

function isNationalMotto(cell: string): boolean {
  const f = foldKeep(cell);
  return f.includes('cong hoa xa hoi chu nghia viet nam') || (f.includes('doc lap') && f.includes('hanh phuc'));
}

/** The line naming who decides, under a Quyết định's title: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X". */
function isAuthorityLine(line: string): boolean {
  return isUpperText(line) && /^(chu tich |giam doc |bo truong )?(uy ban nhan dan|ubnd|so |bo )/.test(foldKeep(line.trim()));
}

function typeOfHeading(cell: string): string | null {
  if (!isUpperText(cell)) return null;
  return TYPE_HEADINGS[keysOf(cell).join(' ')] ?? null;
}

interface PlaceDate {
  line: number;
  place: string | null;
  date: string | null;
  text: string;
  blank: boolean;
}

function findPlaceDate(lines: string[], head: number): PlaceDate | null {
  const re = /(?:^|\t| {2,})([^\t,]{2,80}?),\s*ngay\s*(\d{1,2}|[\s._…]*)\s*thang\s*(\d{1,2}|[\s._…]*)\s*nam\s*(\d{4})/d;
  for (let i = 0; i < head; i++) {
    const line = lines[i] ?? '';
    const m = re.exec(foldKeep(line));
    const placeAt = m?.indices?.[1];
    if (!m || !placeAt) continue;
    const place = line.slice(placeAt[0], placeAt[1]).split(/\s{2,}|\t/).pop()?.replace(/^[*_\s]+/, '').trim() ?? '';
    const day = /^\d+$/.test(m[2] ?? '') ? Number(m[2]) : null;
    const month = /^\d+$/.test(m[3] ?? '') ? Number(m[3]) : null;
    const year = Number(m[4]);
    const date = day !== null && month !== null ? isoDate(year, month, day) : null;
    const text = line.slice(placeAt[0], m.index + m[0].length).trim();
    return { line: i, place: place || null, date, text, blank: day === null || month === null };
  }
  return null;
}

/** A unit whose name or alias is exactly this header text ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"). */
function unitByHeader(text: string, profile: OrgProfile): string | null {
  const k = keysOf(text).join(' ');
  const hits = profile.units.filter((u) =>
    [u.name, u.shortName, ...u.aliases].some((n) => keysOf(n).join(' ') === k),
  );
  return hits.length === 1 ? hits[0]?.code ?? null : null;
}

export function readFrame(lines: string[], profile: OrgProfile): NoticeFrame {
  const warnings: ExtractWarning[] = [];
  const head = Math.min(lines.length, HEAD_LINES);
  const anchors: number[] = [];

  const so = findNumberSymbol(lines, head);
  if (so) anchors.push(so.line);
  const pd = findPlaceDate(lines, head);
  if (pd) anchors.push(pd.line);

  // Type heading and trích yếu.
  let headingType: string | null = null;
  let typeLine = -1;
  for (let i = 0; i < head && typeLine < 0; i++) {
    for (const cell of splitCells(lines[i] ?? '')) {
      const t = typeOfHeading(cell);
      if (t) {
        headingType = t;
        typeLine = i;
        break;
      }
    }
  }
  let title: string | null = null;
  const skip = new Set<number>();
  if (typeLine >= 0) {
    anchors.push(typeLine);
    let j = typeLine + 1;
    while (j < lines.length && (lines[j] ?? '') === '') j++;
    const first = lines[j] ?? '';
    if (first && !BODY_OPENERS.test(foldKeep(first)) && !typeOfHeading(first)) {
      const parts = [first];
      skip.add(j);
      const upper = isUpperText(first);
      for (;;) {
        const next = lines[j + 1] ?? '';
        if (startsLowercase(next)) parts.push(lines[++j] ?? '');
        // An upper-case trích yếu wraps onto further upper-case lines, up to the authority line
        // of a Quyết định ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") or the body.
        else if (upper && next !== '' && isUpperText(next) && !isAuthorityLine(next) && !BODY_OPENERS.test(foldKeep(next)) && !/^quyet dinh\s*:?$/.test(foldKeep(next))) parts.push(lines[++j] ?? '');
        else break;
      }
      for (let k = typeLine + 1; k <= j; k++) skip.add(k);
      title = parts.join(' ').replace(/\s+/g, ' ').trim();
      anchors.push(j);
    }
  }

  // "V/v ..." of a công văn.
  let vv: string | null = null;
  let vvLine = -1;
  for (let i = 0; i < head && vv === null; i++) {
    const cells = splitCells(lines[i] ?? '');
    const cell = cells.find((c) => /^(v\/v|ve viec)(?![a-z])/.test(foldKeep(c)));
    if (!cell) continue;
    vvLine = i;
    const parts = [cell.replace(/^(V\/v|V\/V|v\/v|Về việc)\s*:?\s*/u, '')];
    skip.add(i);
    let j = i;
    while (startsLowercase(splitCells(lines[j + 1] ?? '')[0] ?? '')) {
      j++;
      parts.push(splitCells(lines[j] ?? '')[0] ?? '');
      skip.add(j);
    }
    vv = parts.join(' ').replace(/\s+/g, ' ').trim();
    anchors.push(j);
  }

  // Kính gửi.
  const addressees: string[] = [];
  let kinhGuiLine = -1;
  for (let i = 0; i < head; i++) {
    const line = lines[i] ?? '';
    if (!foldKeep(line).startsWith('kinh gui')) continue;
    kinhGuiLine = i;
    const inline = line.replace(/^[^:]*:?/, '').trim();
    if (inline) addressees.push(cleanRecipient(inline));
    let j = i;
    for (let k = i + 1; k < lines.length; k++) {
      const next = lines[k] ?? '';
      if (next === '') continue;
      if (!/^[-–+•]/.test(next)) break;
      addressees.push(cleanRecipient(next).replace(/[.]$/, ''));
      j = k;
    }
    anchors.push(j);
    break;
  }

  // Issuing body and parent body: upper-case header cells that are nothing else.
  const bodyStart = anchors.length > 0 ? Math.max(...anchors) + 1 : 0;
  let parentBody: string | null = null;
  const issuingCells: string[] = [];
  const parentKey = keysOf(profile.parentBody).join(' ');
  // The issuer block precedes the type heading, the V/v and the Kính gửi.
  // In a pasted two-column header the Số and date lines close it (the authority line may follow).
  const closers = [so?.line ?? -1, pd?.line ?? -1].filter((x) => x >= 0);
  const issuerLimit = Math.min(
    bodyStart,
    head,
    ...[typeLine, vvLine, kinhGuiLine].filter((x) => x >= 0),
    ...(closers.length > 0 ? [Math.max(...closers) + 1] : []),
  );
  for (let i = 0; i < issuerLimit; i++) {
    if (skip.has(i)) continue;
    let line = lines[i] ?? '';
    if (so && i === so.line) line = line.replace(so.raw, '\t');
    if (pd && i === pd.line) line = line.replace(pd.text, '\t');
    for (const cell of splitCells(line)) {
      if (isNationalMotto(cell) || typeOfHeading(cell) || !isUpperText(cell) || foldKeep(cell).startsWith('kinh gui')) continue;
      const keys = keysOf(cell);
      if (parentBody === null && issuingCells.length === 0 && (keys[0] === 'ubnd' || keys[0] === 'bo' || keys.join(' ') === parentKey)) {
        parentBody = cell;
      } else issuingCells.push(cell);
    }
  }

  // A body printed alone ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", "BỘ LAO ĐỘNG - …") is the issuer itself.
  if (issuingCells.length === 0 && parentBody !== null) {
    issuingCells.push(parentBody);
    parentBody = null;
  }
  // "ỦY BAN NHÂN DÂN" with the province lost from the header: the authority line names it.
  if (issuingCells.length === 1 && parentBody === null && /^(uy ban nhan dan|ubnd)$/.test(foldKeep((issuingCells[0] ?? '').trim()))) {
    for (let i = issuerLimit; i < Math.min(lines.length, head + 10); i++) {
      const line = (lines[i] ?? '').trim();
      const m = /^(?:chu tich )?((?:uy ban nhan dan|ubnd) (?:tinh|thanh pho|huyen|quan|thi xa) .+)$/.exec(foldKeep(line));
      if (m && isUpperText(line)) {
        issuingCells[0] = line.slice(line.length - (m[1] ?? '').length);
        break;
      }
    }
  }
  const symbolParts = so?.symbol ? readSymbol(so.symbol, profile) : null;
  let issuingBody: string | null = null;
  let issuerUnit: string | null = null;
  // The profile resolves the issuer only inside its own province: another province's Sở stays as printed.
  const parentIsOurs = parentBody === null || keysOf(parentBody).join(' ') === parentKey;
  if (issuingCells.length > 0) {
    const text = issuingCells.join(' ').replace(/\s+/g, ' ');
    const byHeader = parentIsOurs ? unitByHeader(text, profile) : null;
    // A header that names no body of the profile (the Bộ, another province) is not resolved by the symbol:
    // the Bộ's "LĐTBXH-TE" would otherwise read as a district office's symbol.
    issuerUnit = byHeader;
    // A body the profile knows is written as the profile spells it; any other as printed.
    issuingBody = byHeader ? unitByCode(profile, byHeader)?.name ?? text : text;
  } else if (symbolParts?.issuer && unitByCode(profile, symbolParts.issuer)?.type !== 'districtOffice') {
    issuerUnit = symbolParts.issuer;
    issuingBody = unitByCode(profile, issuerUnit)?.name ?? null;
    if (issuingBody) warnings.push(warning('issuingBodyFromSymbol', { symbol: so?.symbol ?? '', body: issuingBody }));
  }
  // A "body" that is a number/symbol is what a legal site's metadata table left in the header cell.
  if (issuingBody && /\d+\s*\/\s*\p{Lu}/u.test(issuingBody)) issuingBody = null;
  if (!issuingBody && parentBody === null) {
    const told = issuerFromText(lines, profile);
    if (told) {
      issuingBody = told.name;
      warnings.push(warning(told.assumed ? 'issuingBodyProvinceAssumed' : 'issuingBodyFromText', { body: told.name }));
    }
  }
  if (!issuingBody) warnings.push(warning('issuingBodyMissing'));

  // Type: the heading, refined by the trích yếu; else the symbol; else a công văn by its form.
  // A Thông báo whose trích yếu opens "Kết luận …" is a Thông báo kết luận.
  const refined = (t: string | null): string | null =>
    t === 'Thông báo' && title && foldKeep(title).startsWith('ket luan') ? 'Thông báo kết luận' : t;
  let type = refined(headingType);
  const symbolType = symbolParts?.typeName ?? null;
  if (type && symbolType && !foldKeep(type).startsWith(foldKeep(symbolType))) {
    warnings.push(warning('typeConflict', { heading: type, symbol: so?.symbol ?? '' }));
  }
  if (!type) type = refined(symbolType);
  if (!type && (vv !== null || symbolParts?.issuerFirst)) type = 'Công văn';
  if (!type) warnings.push(warning('typeMissing'));

  if (!so) warnings.push(warning('symbolMissing'));
  else if (so.number === null) warnings.push(warning('numberMissing', { symbol: so.symbol ?? '' }));

  if (!pd) warnings.push(warning('dateMissing', { text: '' }));
  else if (pd.blank) warnings.push(warning('dateMissing', { text: pd.text }));
  else if (!pd.date) warnings.push(warning('dateInvalid', { text: pd.text }));
  if (pd && !pd.place) warnings.push(warning('placeMissing'));

  const finalTitle = title ?? vv;
  if (!finalTitle) warnings.push(warning('titleMissing'));

  const bodyEnd = Math.max(bodyStart, findBodyEnd(lines, bodyStart));
  const tail = readTail(lines.slice(bodyEnd));
  if (tail.recipients.length === 0) warnings.push(warning('recipientsMissing'));
  if (!tail.signer) warnings.push(warning('signerMissing'));
  if (!tail.signerTitle) warnings.push(warning('signerTitleMissing'));

  // Drafting division: from the symbol, else from "Lưu: VT, KH-TC."
  let draftingUnit = symbolParts?.drafting ?? null;
  if (!draftingUnit) {
    const keep = tail.recipients.find((r) => foldKeep(r).startsWith('luu'));
    const items = keep?.replace(/^[^:]*:/, '').split(/[,;]/).map((x) => x.replace(/[.\s]+$/, '').trim()) ?? [];
    draftingUnit = items.map((x) => divisionBySymbol(x, profile)).find((c) => c !== null) ?? null;
  }

  return {
    directive: {
      type,
      number: so?.number ?? null,
      symbol: so?.symbol ?? null,
      date: pd?.date ?? null,
      place: pd?.place ?? null,
      title: finalTitle,
      signer: tail.signer,
      signerTitle: tail.signerTitle,
      recipients: tail.recipients,
      addressees,
      issuingBody,
      parentBody,
      issuerUnit,
      draftingUnit,
    },
    bodyStart,
    bodyEnd,
    warnings,
  };
}
