import { foldKeep, isUpperText, splitCells, startsLowercase } from './normalize';

/** The foot of a notice: where the body ends, the Nơi nhận list and the signature block. */

function normaliseAuthority(cell: string): string {
  return cell
    .replace(/^(TL|KT|TM|TUQ|Q)\s*\.\s*/u, '$1. ')
    .replace(/\s+/g, ' ')
    .trim();
}

const TITLE_WORD_RE = /(?<![a-z])(giam doc|chu tich|truong|pho|chanh|van phong|hieu truong|thu truong|tm|kt|tl|tuq)(?![a-z])/;
const SIGN_NOTE_RE = /^[([]?\s*(da ky|ky ten|ky,|ky va|chu ky|dong dau|da ky va dong dau)/;

function isNameLike(cell: string): boolean {
  const words = cell.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    words.every((w) => /^\p{Lu}[\p{L}]*$/u.test(w)) &&
    !TITLE_WORD_RE.test(foldKeep(cell))
  );
}

export interface Tail {
  recipients: string[];
  signer: string | null;
  signerTitle: string | null;
}

export function readTail(lines: string[]): Tail {
  const recipients: string[] = [];
  const signCells: string[] = [];
  let lastWasRecipient = false;
  for (const line of lines) {
    for (const cell of splitCells(line)) {
      const f = foldKeep(cell);
      if (f.startsWith('noi nhan')) {
        const rest = cell.replace(/^[^:]*:?/, '').trim();
        if (rest) recipients.push(cleanRecipient(rest));
        lastWasRecipient = rest.length > 0;
        continue;
      }
      if (/^[-–+•]\s*/.test(cell)) {
        recipients.push(cleanRecipient(cell));
        lastWasRecipient = true;
        continue;
      }
      if (lastWasRecipient && startsLowercase(cell) && recipients.length > 0) {
        recipients[recipients.length - 1] = cleanRecipient(`${recipients.at(-1) ?? ''} ${cell}`);
        continue;
      }
      lastWasRecipient = false;
      signCells.push(cell);
    }
  }

  const titles: string[] = [];
  let signer: string | null = null;
  for (const cell of signCells) {
    const f = foldKeep(cell);
    if (SIGN_NOTE_RE.test(f) || /^\(.*\)$|^\[.*\]$/.test(cell)) continue;
    if (isUpperText(cell) && (TITLE_WORD_RE.test(f) || titles.length === 0) && !isNameLike(cell)) {
      if (titles.length < 4) titles.push(normaliseAuthority(cell));
      continue;
    }
    if (isNameLike(cell)) {
      signer = cell.replace(/\s+/g, ' ');
      break;
    }
  }
  return { recipients, signer, signerTitle: titles.length > 0 ? titles.join(' / ') : null };
}

export function cleanRecipient(cell: string): string {
  return cell.replace(/^[-–+•]\s*/, '').replace(/\s*;\s*$/, '').replace(/\s+/g, ' ').trim();
}

/** Where the body stops: at "Nơi nhận" or after the closing "./.", or at a trailing signature block. */
export function findBodyEnd(lines: string[], from: number): number {
  let end = lines.length;
  for (let i = from; i < lines.length; i++) {
    const first = splitCells(lines[i] ?? '')[0] ?? '';
    if (foldKeep(first).startsWith('noi nhan')) {
      end = i;
      break;
    }
  }
  for (let i = end - 1; i >= from; i--) {
    if ((lines[i] ?? '').includes('./.')) return i + 1;
  }
  if (end === lines.length) {
    for (let i = lines.length - 1; i >= Math.max(from, lines.length - 10); i--) {
      const cell = splitCells(lines[i] ?? '')[0] ?? '';
      if (isUpperText(cell) && TITLE_WORD_RE.test(foldKeep(cell))) end = i;
    }
  }
  return end;
}
