import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../../electron/domain/directives/extract';
import { addTally, emptyTally, formatRow, readCorpus, scoreDoc, type Tally } from './corpusScore';
import { P } from './helpers';

/**
 * Precision and recall of the extractor on real public notices (issue 11), per document type.
 * The table is printed so each run shows the figures; the floors below only stop regressions
 * and are raised as the extractor improves (target: tasks, deadlines and issuer ≥ 0.9).
 */
const docs = readCorpus();
const byType = new Map<string, Tally>();
let total = emptyTally();
const perDoc: string[] = [];
for (const doc of docs) {
  const proposal = extractNotice(doc.text, P, { defaultYear: 2020 });
  const t = scoreDoc(doc, proposal, P);
  byType.set(doc.gold.type, addTally(byType.get(doc.gold.type) ?? emptyTally(), t));
  total = addTally(total, t);
  perDoc.push(formatRow(doc.gold.slug.slice(0, 12), t));
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

describe('real-notice corpus', () => {
  it('prints precision and recall per document type', () => {
    const rows = [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, t]) => formatRow(type, t));
    console.log(['', ...perDoc, '', ...rows, formatRow('ALL', total)].join('\n'));
    expect(total.docs).toBe(docs.length);
    expect(docs.length).toBeGreaterThanOrEqual(30);
  });

  it('keeps task precision and recall above the floor', () => {
    expect(ratio(total.pairedTasks, total.proposedTasks)).toBeGreaterThanOrEqual(FLOOR.taskP);
    expect(ratio(total.pairedTasks, total.goldTasks)).toBeGreaterThanOrEqual(FLOOR.taskR);
  });

  it('keeps deadlines and the issuer above the floor', () => {
    expect(ratio(total.rightDeadlines, total.goldDeadlines)).toBeGreaterThanOrEqual(FLOOR.deadlineR);
    expect(ratio(total.issuerRight, total.issuerAsked)).toBeGreaterThanOrEqual(FLOOR.issuer);
  });
});

const FLOOR = { taskP: 0.95, taskR: 0.9, deadlineR: 0.9, issuer: 0.85 };
