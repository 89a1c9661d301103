/**
 * Scores the extractor against the gold annotations of the real-notice corpus
 * (test/fixtures/notices/corpus, see its README). Comparisons ignore marks, case and spacing
 * because the sites glue and break words; task texts are paired by word overlap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { NoticeProposal, TaskProposal } from '../../../electron/domain/directives/extract';
import { unitByCode, type OrgProfile } from '../../../electron/domain/org';
import { fold } from '../../../electron/domain/text';

export const CORPUS_DIR = path.resolve(process.cwd(), 'test/fixtures/notices/corpus');

const GoldDeadlineSchema = z
  .object({
    kind: z.enum(['date', 'recurring', 'ongoing']),
    date: z.string().optional(),
    every: z.enum(['month', 'quarter', 'half', 'year']).optional(),
    day: z.number().optional(),
    month: z.number().optional(),
    words: z.string().optional(),
  })
  .nullable();

const GoldTaskSchema = z.object({
  text: z.string(),
  lead: z.string().nullable(),
  partners: z.array(z.string()).default([]),
  deadline: GoldDeadlineSchema,
});

export const GoldSchema = z.object({
  slug: z.string(),
  form: z.string(),
  type: z.string(),
  issuer: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  tasks: z.array(GoldTaskSchema),
});
export type Gold = z.infer<typeof GoldSchema>;
export type GoldTask = z.infer<typeof GoldTaskSchema>;

export interface CorpusDoc {
  gold: Gold;
  text: string;
}

export function readCorpus(): CorpusDoc[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const gold = GoldSchema.parse(JSON.parse(readFileSync(path.join(CORPUS_DIR, f), 'utf8')));
      return { gold, text: readFileSync(path.join(CORPUS_DIR, `${gold.slug}.txt`), 'utf8') };
    });
}

/** Abbreviations written either way in headers and gold ("UBND" / "Ủy ban nhân dân"). */
const EXPAND: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bsldtbxh\b/g, 'so lao dong thuong binh va xa hoi'],
  [/\bbhxh\b/g, 'bao hiem xa hoi'],
  [/\btp\b/g, 'thanh pho'],
];

export function key(s: string): string {
  let f = fold(s).replace(/[đĐ]/g, 'd').replace(/[^a-z0-9]+/g, ' ').trim();
  for (const [re, to] of EXPAND) f = f.replace(re, to);
  return f.replace(/\s+/g, '');
}

function words(s: string): string[] {
  return fold(s).replace(/[đĐ]/g, 'd').split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** Dice overlap of word multisets. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

const PAIR_THRESHOLD = 0.6;

/** Greedy best-first pairing of gold tasks with proposed tasks. */
export function pairTasks(gold: GoldTask[], proposed: TaskProposal[]): Array<[number, number]> {
  const cands: Array<{ g: number; p: number; s: number }> = [];
  gold.forEach((g, gi) =>
    proposed.forEach((p, pi) => {
      const s = similarity(g.text, p.content);
      if (s >= PAIR_THRESHOLD) cands.push({ g: gi, p: pi, s });
    }),
  );
  cands.sort((x, y) => y.s - x.s);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of cands) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([c.g, c.p]);
  }
  return pairs;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Does the proposed deadline say what the gold says? "trước ngày X" may be read as X or X−1 (a setting). */
export function deadlineAgrees(gold: NonNullable<GoldTask['deadline']>, got: TaskProposal['deadline']): boolean {
  const g = got as { kind: string; date?: string; every?: string };
  if (gold.kind === 'date') return g.kind === 'date' && (g.date === gold.date || (gold.date !== undefined && g.date === dayBefore(gold.date)));
  if (gold.kind === 'recurring') return g.kind === 'recurring' && g.every === gold.every;
  return g.kind === 'ongoing';
}

/** The unit a proposed task names as lead, as text: the written lead if the proposal has one, else the units' names. */
export function leadText(task: TaskProposal, profile: OrgProfile): string | null {
  const written = (task as { lead?: string | null }).lead;
  if (typeof written === 'string' && written.length > 0) return written;
  const names = task.assignees.map((c) => unitByCode(profile, c)?.name ?? c);
  return names.length > 0 ? names.join(', ') : null;
}

export interface Tally {
  docs: number;
  goldTasks: number;
  proposedTasks: number;
  pairedTasks: number;
  goldDeadlines: number;
  proposedDeadlines: number;
  rightDeadlines: number;
  goldLeads: number;
  proposedLeads: number;
  rightLeads: number;
  issuerRight: number;
  issuerAsked: number;
  numberRight: number;
  numberAsked: number;
  dateRight: number;
  dateAsked: number;
  titleRight: number;
  titleAsked: number;
}

export const emptyTally = (): Tally => ({
  docs: 0, goldTasks: 0, proposedTasks: 0, pairedTasks: 0,
  goldDeadlines: 0, proposedDeadlines: 0, rightDeadlines: 0,
  goldLeads: 0, proposedLeads: 0, rightLeads: 0,
  issuerRight: 0, issuerAsked: 0, numberRight: 0, numberAsked: 0,
  dateRight: 0, dateAsked: 0, titleRight: 0, titleAsked: 0,
});

export function addTally(a: Tally, b: Tally): Tally {
  const out = emptyTally();
  for (const k of Object.keys(out) as Array<keyof Tally>) out[k] = a[k] + b[k];
  return out;
}

/** The issuer as the proposal states it: the issuing body, with its parent when the body alone is a Sở/Văn phòng. */
export function issuerText(p: NoticeProposal): string | null {
  const d = p.directive;
  if (!d.issuingBody) return d.parentBody;
  return d.parentBody ? `${d.issuingBody} ${d.parentBody}` : d.issuingBody;
}

function issuerAgrees(gold: string, p: NoticeProposal): boolean {
  const d = p.directive;
  const g = key(gold);
  const candidates = [issuerText(p), d.issuingBody].filter((x): x is string => !!x).map(key);
  // A Sở under "UBND TỈNH X" is written "Sở … tỉnh X" in gold; the header's Sở line alone also names it.
  return candidates.some((c) => c === g || (c.length > 0 && g.startsWith(c) && /^(tinh|thanhpho)/.test(g.slice(c.length))));
}

export function scoreDoc(doc: CorpusDoc, p: NoticeProposal, profile: OrgProfile): Tally {
  const t = emptyTally();
  const { gold } = doc;
  t.docs = 1;
  t.goldTasks = gold.tasks.length;
  t.proposedTasks = p.tasks.length;
  const pairs = pairTasks(gold.tasks, p.tasks);
  t.pairedTasks = pairs.length;
  const pairedP = new Map(pairs.map(([g, q]) => [q, g]));
  t.goldDeadlines = gold.tasks.filter((x) => x.deadline !== null).length;
  t.goldLeads = gold.tasks.filter((x) => x.lead !== null).length;
  p.tasks.forEach((task, qi) => {
    if (task.deadline.kind !== 'none') t.proposedDeadlines++;
    const lead = leadText(task, profile);
    if (lead !== null) t.proposedLeads++;
    const gi = pairedP.get(qi);
    if (gi === undefined) return;
    const g = gold.tasks[gi];
    if (!g) return;
    if (g.deadline && deadlineAgrees(g.deadline, task.deadline)) t.rightDeadlines++;
    if (g.lead && lead && similarity(g.lead, lead) >= 0.6) t.rightLeads++;
  });
  if (gold.issuer !== null) {
    t.issuerAsked = 1;
    t.issuerRight = issuerAgrees(gold.issuer, p) ? 1 : 0;
  }
  if (gold.number !== null) {
    t.numberAsked = 1;
    const got = [p.directive.number, p.directive.symbol].filter((x) => x !== null).join('/');
    t.numberRight = key(got) === key(gold.number) ? 1 : 0;
  }
  if (gold.date !== null) {
    t.dateAsked = 1;
    t.dateRight = p.directive.date === gold.date ? 1 : 0;
  }
  if (gold.title !== null) {
    t.titleAsked = 1;
    t.titleRight = p.directive.title !== null && key(p.directive.title) === key(gold.title) ? 1 : 0;
  }
  return t;
}

const ratio = (n: number, d: number): string => (d === 0 ? '  –  ' : (n / d).toFixed(2));

export function formatRow(label: string, t: Tally): string {
  return [
    label.padEnd(12),
    String(t.docs).padStart(3),
    `tasks P ${ratio(t.pairedTasks, t.proposedTasks)} R ${ratio(t.pairedTasks, t.goldTasks)} (${t.pairedTasks}/${t.proposedTasks}/${t.goldTasks})`,
    `deadl P ${ratio(t.rightDeadlines, t.proposedDeadlines)} R ${ratio(t.rightDeadlines, t.goldDeadlines)}`,
    `lead P ${ratio(t.rightLeads, t.proposedLeads)} R ${ratio(t.rightLeads, t.goldLeads)}`,
    `issuer ${ratio(t.issuerRight, t.issuerAsked)} no ${ratio(t.numberRight, t.numberAsked)} date ${ratio(t.dateRight, t.dateAsked)} title ${ratio(t.titleRight, t.titleAsked)}`,
  ].join(' | ');
}
