import type { OrgProfile } from '../../org';
import { foldKeep } from './normalize';

/**
 * The số and ký hiệu of a notice ("Số: 12/TB-SLĐTBXH"): the number, and what the symbol tells —
 * the document type by its code, the issuing unit, the drafting division.
 */

/** Document types by the type code that opens the symbol. */
const TYPE_CODES: Record<string, string> = {
  TB: 'Thông báo',
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  BC: 'Báo cáo',
  CT: 'Chỉ thị',
  HD: 'Hướng dẫn',
  GM: 'Giấy mời',
  TTR: 'Tờ trình',
  CĐ: 'Công điện',
  CTR: 'Chương trình',
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
};

export interface NumberSymbol {
  line: number;
  number: string | null;
  symbol: string | null;
  raw: string;
}

/** The "Số: …" cell within the first `head` lines. */
export function findNumberSymbol(lines: string[], head: number): NumberSymbol | null {
  for (let i = 0; i < head; i++) {
    const line = lines[i] ?? '';
    const f = foldKeep(line);
    const m = /(?:^|\t| {2,})so\s*(?:va ky hieu\s*)?:\s*([^\s/\t]*)\s*(?:\/\s*([^\s\t]+))?/.exec(f);
    if (!m) continue;
    const rawNumber = (m[1] ?? '').replace(/[._…]/g, '');
    const number = /^\d+[a-z]?$/i.test(rawNumber) ? rawNumber : null;
    let symbol: string | null = null;
    if (m[2] !== undefined) {
      const at = m.index + m[0].length - m[2].length;
      symbol = line.slice(at, at + m[2].length).replace(/[.,;]+$/, '') || null;
    }
    return { line: i, number, symbol, raw: line.slice(m.index, m.index + m[0].length).trim() };
  }
  return null;
}

interface SymbolParts {
  typeName: string | null;
  issuer: string | null;
  drafting: string | null;
  /** No type code in front: the issuer comes first, as in a công văn ("1845/SLĐTBXH-BTXH"). */
  issuerFirst: boolean;
}

/** "TB-SLĐTBXH" -> Thông báo by the Sở; "SLĐTBXH-BTXH" -> công văn of the Sở drafted by BTXH. */
export function readSymbol(symbol: string, profile: OrgProfile): SymbolParts {
  const last = symbol.split('/').pop() ?? symbol;
  const parts = last.split(/[-–]/).filter((p) => p.length > 0);
  const typeName = TYPE_CODES[(parts[0] ?? '').toUpperCase()] ?? null;
  const rest = typeName ? parts.slice(1) : parts;
  const key = (s: string): string => foldKeep(s);
  let best: { codes: string[]; len: number } = { codes: [], len: 0 };
  for (const u of profile.units) {
    const sym = u.symbol.split(/[-–]/).map(key);
    if (sym.length > rest.length || !sym.every((p, i) => p === key(rest[i] ?? ''))) continue;
    if (sym.length > best.len) best = { codes: [u.code], len: sym.length };
    else if (sym.length === best.len) best.codes.push(u.code);
  }
  const issuer = best.codes.length === 1 ? best.codes[0] ?? null : null;
  const tail = rest.slice(best.len).join('-');
  const drafting = tail ? divisionBySymbol(tail, profile) : null;
  return { typeName, issuer, drafting, issuerFirst: !typeName && rest.length > 0 };
}

/** The one division whose symbol this is ("KH-TC"), else null. */
export function divisionBySymbol(sym: string, profile: OrgProfile): string | null {
  const k = foldKeep(sym.trim());
  const hits = profile.units.filter((u) => u.type === 'division' && foldKeep(u.symbol) === k);
  return hits.length === 1 ? hits[0]?.code ?? null : null;
}
