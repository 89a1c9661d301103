import { describe, it, expect } from 'vitest';
import type { Doc } from '../../../electron/domain/document';
import { mergeDocument } from '../../../electron/core/sync/merge';
import { refusalOf } from '../../../electron/core/sync/authority';
import { householdData, householdId, taskData } from '../store/validDocs';

const h = (ms: number, node: string): string => `${String(ms).padStart(15, '0')}-000000-${node}`;
function doc(hlc: string, extra: Partial<Doc> = {}): Doc {
  return { id: 'pr_t1_VANQUAN', kind: 'progress', owner: 'VANQUAN', rev: 1, hlc, author: hlc.split('-')[2], data: {}, ...extra };
}

describe('mergeDocument', () => {
  const ours = doc(h(2000, 'pc1'), { prevHlc: h(1000, 'pc1') });
  const cases: Array<[string, Doc | undefined, Doc, string, boolean, 'current' | 'incoming' | null]> = [
    ['nothing held', undefined, doc(h(1000, 'pc1')), 'new', true, null],
    ['same version', ours, doc(h(2000, 'pc1')), 'unchanged', false, null],
    ['newer, replaced ours', ours, doc(h(3000, 'pc2'), { prevHlc: h(2000, 'pc1') }), 'updated', true, null],
    ['newer, same PC (versions in between never arrived)', ours, doc(h(5000, 'pc1'), { prevHlc: h(4000, 'pc1') }), 'updated', true, null],
    ['newer, another PC, written without ours', ours, doc(h(3000, 'pc2'), { prevHlc: h(1000, 'pc1') }), 'conflict', true, 'current'],
    ['newer, another PC, no prevHlc at all', ours, doc(h(3000, 'pc2')), 'conflict', true, 'current'],
    ['older, from a PC ours did not see', ours, doc(h(1000, 'pc2')), 'conflict', false, 'incoming'],
    ['older, ours replaced it (prevHlc names it)', ours, doc(h(1000, 'pc1')), 'older', false, null],
    ['older, same PC', doc(h(2000, 'pc2'), { prevHlc: h(1500, 'pc2') }), doc(h(1000, 'pc2')), 'older', false, null],
    ['older, another PC, concurrent', ours, doc(h(1500, 'pc3'), { prevHlc: h(1000, 'pc1') }), 'conflict', false, 'incoming'],
  ];
  it.each(cases)('%s', (_label, current, incoming, outcome, apply, loser) => {
    const d = mergeDocument(current, incoming);
    expect(d.outcome).toBe(outcome);
    expect(d.apply).toBe(apply);
    expect(d.loser ?? null).toBe(loser === 'current' ? current : loser === 'incoming' ? incoming : null);
  });

  it('orders by HLC, not by wall clock: a PC years behind that saw the newer version wins', () => {
    const fast = doc(h(Date.UTC(2025, 0, 1), 'fast'));
    // The slow PC's clock says 2017, but its HLC was pushed past what it received.
    const slow = doc(`${String(Date.UTC(2025, 0, 1)).padStart(15, '0')}-000001-slow`, { prevHlc: fast.hlc });
    expect(mergeDocument(fast, slow)).toMatchObject({ outcome: 'updated', apply: true });
    expect(mergeDocument(slow, fast)).toMatchObject({ outcome: 'older', apply: false });
  });
});

describe('refusalOf (authority)', () => {
  const so = { office: 'SO', isSo: true };
  const vq = { office: 'VANQUAN', isSo: false };
  const task: Doc = { id: 't1', kind: 'task', owner: 'SO', rev: 1, hlc: h(1, 'so'), data: taskData('Rà soát hộ nghèo') };
  const progressData = {
    taskId: 't1',
    office: 'VANQUAN',
    status: 'inProgress',
    percent: 60,
    narrative: 'Đã rà soát 17/24 xã',
    reason: '',
    figures: [],
    requiredContents: {},
    attachments: [],
    completedOn: null,
    updatedBy: 'Hoàng Thị Lan',
    updatedAt: '2022-07-26T02:00:00.000Z',
  };
  const progress: Doc = { id: 'pr_t1_VANQUAN', kind: 'progress', owner: 'VANQUAN', rev: 1, hlc: h(1, 'vq'), data: progressData };
  const audit: Doc = {
    id: 't1',
    kind: 'audit',
    owner: 'VANQUAN',
    rev: 1,
    hlc: h(1, 'vq'),
    data: { targetId: 'pr_t1_VANQUAN', targetKind: 'progress', action: 'update', changes: [], by: 'Hoàng Thị Lan', office: 'VANQUAN', at: '2022-07-26T02:00:00.000Z' },
  };
  const household: Doc = { id: householdId('VQ-001'), kind: 'household', owner: 'VANQUAN', rev: 1, hlc: h(1, 'vq'), data: householdData('Hoàng Thị Lý', 1_350_000) };
  const cases: Array<[string, Doc, { office: string; isSo: boolean }, Doc | undefined, string | null]> = [
    ['the Sở writes its task', task, so, undefined, null],
    ['an office writes its progress', progress, vq, undefined, null],
    ['an office sends a Sở-owned task', task, vq, task, 'owner'],
    ['an office relabels a task as its own', { ...task, owner: 'VANQUAN' }, vq, task, 'kind'],
    ['the Sở sends a household', { ...household, owner: 'SO' }, so, undefined, 'kind'],
    ['an office takes over a Sở-owned id with an allowed kind', audit, vq, task, 'takeover'],
    ['an office’s progress under an id that is not a progress id', { ...progress, id: 't1' }, vq, task, 'shape'],
    ['a conflict record never travels', { ...progress, kind: 'conflict' }, vq, undefined, 'localKind'],
    ['households and communes come from offices', household, vq, undefined, null],
    ['a progress record missing its status', { ...progress, data: { ...progressData, status: undefined } }, vq, undefined, 'shape'],
    ['Văn Quan creates Bình Gia’s progress (the id names Bình Gia)', { ...progress, id: 'pr_t1_BINHGIA' }, vq, undefined, 'idNotSenders'],
    ['Văn Quan writes a progress whose office field is Bình Gia', { ...progress, data: { ...progressData, office: 'BINHGIA' } }, vq, undefined, 'idNotSenders'],
  ];
  it.each(cases)('%s', (_l, incoming, sender, existing, expected) => {
    expect(refusalOf(incoming, sender, existing)?.reason ?? null).toBe(expected);
  });
});
