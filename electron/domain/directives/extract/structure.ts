import { foldKeep, startsLowercase, wordCount } from './normalize';

/**
 * The outline of a notice body: numbered and bulleted items nested by the order in which
 * marker styles appear (I. > 1. > a) > - > + is usual, but any order works: a style seen
 * before closes back to that level, a new style opens a deeper one), and paragraphs.
 */

export type MarkerKind =
  | 'roman'
  | 'upperAlpha'
  | 'numNested'
  | 'num'
  | 'alpha'
  | 'dash'
  | 'plus'
  | 'bullet'
  | 'circle'
  | 'square'
  | 'arrow'
  | 'para';

export interface OutlineNode {
  kind: MarkerKind;
  text: string;
  children: OutlineNode[];
}

const MARKERS: Array<{ kind: Exclude<MarkerKind, 'para'>; re: RegExp }> = [
  { kind: 'numNested', re: /^\d{1,2}(?:\.\d{1,2})+\.?\)?\s*(?=\p{L})/u },
  { kind: 'num', re: /^\d{1,2}\s?[.)]\s*(?=\p{L})/u },
  { kind: 'roman', re: /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\s?[.)]\s*(?=\p{L})/u },
  { kind: 'upperAlpha', re: /^[A-HJ-UWYZ][.)]\s+(?=\p{L})/u },
  { kind: 'alpha', re: /^[a-zđ][.)]\s*(?=\p{L})/u },
  { kind: 'dash', re: /^[-–—−]\s*(?=[\p{L}\p{N}("“])/u },
  { kind: 'plus', re: /^\+\s*(?=\S)/u },
  // Word's bullet levels differ by glyph (• then o then ▪): each glyph is its own level.
  { kind: 'bullet', re: /^[•·●\uf0b7]\s*/u },
  { kind: 'circle', re: /^[◦○]\s*/u },
  { kind: 'square', re: /^[▪■□\uf0a7]\s*/u },
  { kind: 'arrow', re: /^[►✓➢❖\uf0d8\uf076\uf0fc]\s*/u },
];

export function markerOf(line: string): { kind: Exclude<MarkerKind, 'para'>; text: string } | null {
  for (const { kind, re } of MARKERS) {
    const m = re.exec(line);
    if (m) return { kind, text: line.slice(m[0].length).trim() };
  }
  return null;
}

const endsSentence = (s: string): boolean => /[.;!?…]["”)]?$/.test(s.trim());

/** A short title-like item ("1. Mục đích", "- Lĩnh vực giảm nghèo") or one ending in ':'. */
export function isHeadingLike(node: OutlineNode): boolean {
  const t = node.text.trim();
  if (t.endsWith(':')) return true;
  return node.kind !== 'para' && !endsSentence(t) && wordCount(t) <= 15;
}

/** The closing paragraph ("Trên đây là ...", "... thực hiện./.") ends every list. */
function isClosing(line: string): boolean {
  return line.includes('./.') || /^(tren day|trong qua trinh thuc hien)(?![a-z])/.test(foldKeep(line));
}

/** A line that goes on with the one before: wrapped or split by a page break. */
function continues(line: string, last: OutlineNode | undefined): boolean {
  if (!last) return false;
  if (startsLowercase(line)) return true;
  // "Thời gian thực hiện: ..." under an item belongs to that item.
  return last.kind !== 'para' && /^(thoi gian|thoi han)(?![a-z])/.test(foldKeep(line));
}

export function parseOutline(lines: string[]): OutlineNode[] {
  const root: OutlineNode = { kind: 'para', text: '', children: [] };
  let stack: OutlineNode[] = [];
  let last: OutlineNode | undefined;

  for (const raw of lines) {
    const line = raw.replace(/\t+/g, ' ').trim();
    if (line.length === 0) continue;
    const marker = markerOf(line);
    if (!marker) {
      if (last && continues(line, last)) {
        last.text = `${last.text} ${line}`;
        continue;
      }
      const node: OutlineNode = { kind: 'para', text: line, children: [] };
      const top = stack.at(-1);
      if (isClosing(line)) {
        root.children.push(node);
        stack = [];
      } else if (top && top.kind !== 'para' && isHeadingLike(top)) {
        top.children.push(node); // the body of "1. Mục đích", "2. Trường Cao đẳng nghề ..."
      } else {
        root.children.push(node);
        stack = line.trim().endsWith(':') ? [node] : [];
      }
      last = node;
      continue;
    }
    const node: OutlineNode = { kind: marker.kind, text: marker.text, children: [] };
    const same = stack.findIndex((n) => n.kind === marker.kind);
    if (same >= 0) stack = stack.slice(0, same);
    (stack.at(-1) ?? root).children.push(node);
    stack.push(node);
    last = node;
  }
  return root.children;
}
