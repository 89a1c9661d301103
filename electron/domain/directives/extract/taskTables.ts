import { groupMembers, type OrgProfile } from '../../org';
import { readOffices } from './assignees';
import { foldKeep } from './normalize';

export interface TableRow {
  content: string;
  lead: string;
  partners: string;
  time: string;
}

const COLUMN_RES: Array<[keyof TableRow, RegExp]> = [
  ['content', /^(noi dung|nhiem vu|noi dung cong viec|cong viec|ten nhiem vu)/],
  ['lead', /^(chu tri|don vi chu tri|co quan chu tri|don vi thuc hien|co quan thuc hien)/],
  ['partners', /^(phoi hop|don vi phoi hop|co quan phoi hop)/],
  ['time', /^(thoi gian|thoi han|tien do|thoi gian hoan thanh)/],
];

const cellsOf = (line: string): string[] => line.split(/\s*\|\s*|\t+| {3,}/).map((c) => c.trim());

/**
 * Task tables (nội dung | chủ trì | phối hợp | thời gian), cells split by pipes, tabs or wide
 * spaces: the header row names the columns; each following row with a content cell is a task.
 * Returns the rows and the line indexes they used (kept out of the outline).
 */
export function readTaskTables(lines: string[]): { rows: TableRow[]; used: Set<number> } {
  const rows: TableRow[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const head = cellsOf(lines[i] ?? '');
    if (head.length < 3) continue;
    const cols: Partial<Record<keyof TableRow, number>> = {};
    head.forEach((c, k) => {
      const f = foldKeep(c.toLowerCase());
      const hit = COLUMN_RES.find(([, re]) => re.test(f));
      if (hit && cols[hit[0]] === undefined) cols[hit[0]] = k;
    });
    if (cols.content === undefined || cols.lead === undefined) continue;
    used.add(i);
    for (let j = i + 1; j < lines.length; j++) {
      const cells = cellsOf(lines[j] ?? '');
      if (cells.length < 2) break;
      used.add(j);
      const at = (k: number | undefined): string => (k === undefined ? '' : cells[k] ?? '');
      const content = at(cols.content);
      if (!content || /^\d+$/.test(content)) continue;
      rows.push({ content, lead: at(cols.lead), partners: at(cols.partners), time: at(cols.time) });
      i = j;
    }
  }
  return { rows, used };
}

/** A thời gian cell with a bare period ("Quý II/2024", "Tháng 6/2024") means "within it". */
export function rowDeadlineText(time: string): string {
  return time && !/^(trước|trong|chậm nhất|đến|hoàn thành|hằng|hàng|thường xuyên|định kỳ|từ)/iu.test(time) ? `trong ${time}` : time;
}

/** The phối hợp cell's offices, groups ("Phòng LĐTBXH các huyện") expanded, in profile order. */
export function rowPartners(cell: string, profile: OrgProfile, exclude: string[]): string[] {
  const r = readOffices(cell, profile, exclude);
  const codes = new Set([...r.units, ...r.groups.flatMap((g) => groupMembers(profile, g))]);
  return profile.units.map((u) => u.code).filter((c) => codes.has(c));
}
