import { describe, it, expect } from 'vitest';
import type { Doc, DocKind } from '../../../electron/domain/document';
import { selectForRecipient, type SelectInput } from '../../../electron/core/sync/select';
import { applyAck, ranges, sequenceWarnings } from '../../../electron/core/sync/inbound';
import { newPeer } from '../../../electron/core/sync/peers';
import type { Manifest } from '../../../electron/core/bundles';

const h = (ms: number, node = 'so1'): string => `${String(ms).padStart(15, '0')}-000000-${node}`;
const d = (id: string, kind: DocKind, ms: number, data: Record<string, unknown> = {}, owner = 'SO', node = 'so1'): Doc => ({ id, kind, owner, rev: 1, hlc: h(ms, node), data });

const soDocs: Doc[] = [
  d('dir1', 'directive', 1),
  d('t1', 'task', 2, { directiveId: 'dir1', assignees: ['VANQUAN', 'BINHGIA'] }),
  d('t2', 'task', 3, { directiveId: 'dir1', assignees: ['BINHGIA'] }),
  d('dir2', 'directive', 4),
  d('t3', 'task', 5, { directiveId: 'dir2', assignees: ['CAOLOC'] }),
  d('rv_t1_VANQUAN', 'review', 6, { office: 'VANQUAN' }),
  d('rv_t1_BINHGIA', 'review', 7, { office: 'BINHGIA' }),
  d('F_1', 'field', 8),
  d('audit1', 'audit', 9),
  d('pr_t1_VANQUAN', 'progress', 10, {}, 'VANQUAN', 'vq1'),
];
const docsOf = (docs: Doc[]) => (kind: DocKind) => docs.filter((x) => x.kind === kind);
const base = (over: Partial<SelectInput> = {}): SelectInput => ({
  mode: 'soToOffice',
  ourOffice: 'SO',
  recipientOffice: 'VANQUAN',
  docsOf: docsOf(soDocs),
  acked: {},
  sharedAcked: new Set(),
  everShared: new Set(),
  ...over,
});
const ids = (input: SelectInput): string[] => selectForRecipient(input).docs.map((x) => x.id).sort();

describe('selectForRecipient', () => {
  it('the Sở sends an office its tasks, their directives, its reviews, fields; never audit or others’ documents', () => {
    expect(ids(base())).toEqual(['F_1', 'dir1', 'rv_t1_VANQUAN', 't1']);
  });

  it('is cumulative: only what is not acknowledged, per writer', () => {
    const sel = selectForRecipient(base());
    expect(sel.shared.sort()).toEqual(['dir1', 't1']);
    expect(ids(base({ acked: sel.vector, sharedAcked: new Set(sel.shared), everShared: new Set(sel.shared) }))).toEqual([]);
  });

  it('a task newly assigned brings its older directive, and an unassigned one still travels to carry the change', () => {
    const acked = { so1: h(100) };
    const reassigned = soDocs.map((x) => (x.id === 't3' ? d('t3', 'task', 200, { directiveId: 'dir2', assignees: ['VANQUAN'] }) : x.id === 't1' ? d('t1', 'task', 201, { directiveId: 'dir1', assignees: ['BINHGIA'] }) : x));
    const input = base({ docsOf: docsOf(reassigned), acked, sharedAcked: new Set(['dir1', 't1']), everShared: new Set(['dir1', 't1']) });
    expect(ids(input)).toEqual(['dir2', 't1', 't3']);
  });

  it('an office sends the Sở everything it owns, whoever of its PCs wrote it', () => {
    const vq = [d('p1', 'progress', 10, {}, 'VANQUAN', 'pc1'), d('p2', 'progress', 5, {}, 'VANQUAN', 'pc2'), d('c1', 'conflict', 11, {}, 'VANQUAN', 'pc1'), d('t1', 'task', 1)];
    // pc1's versions up to 10 acknowledged; pc2's version (older stamp, arrived later) still travels.
    expect(ids(base({ mode: 'toSo', ourOffice: 'VANQUAN', recipientOffice: 'SO', docsOf: docsOf(vq), acked: { pc1: h(10, 'pc1') } }))).toEqual(['p2']);
  });
});

describe('acknowledgements and sequence warnings', () => {
  const keys = { office: 'VANQUAN', installation: 'pc1', signingPublicKey: '', agreementPublicKey: '', fingerprint: '' };
  it('an acknowledgement of bundle k covers everything sent up to k, and never goes back', () => {
    const p = newPeer(keys, 'card', 'now', true);
    p.out.seq = 3;
    p.out.sent = [1, 2, 3].map((seq) => ({ seq, bundleId: `b${seq}`, at: 'x', vector: { so1: h(seq * 10) }, shared: [`t${seq}`], count: 1 }));
    applyAck(p, { lastSeq: 2, hlc: null }, 'then');
    expect(p.out.acked).toEqual({ seq: 2, at: 'then', vector: { so1: h(20) } });
    expect(p.out.sharedAcked).toEqual(['t1', 't2']);
    expect(p.out.sent.map((r) => r.seq)).toEqual([3]);
    applyAck(p, { lastSeq: 1, hlc: null }, 'later');
    expect(p.out.acked.seq).toBe(2);
  });

  it('reports gaps, older bundles and a broken chain without blocking', () => {
    const p = newPeer(keys, 'card', 'now', true);
    p.in = { seqs: [1, 2], bundleIds: ['a', 'b'], hashes: { '2': 'h2' }, lastSeq: 2, lastAt: 'x', maxHlc: null };
    const m = (seq: number, prev: string | null) => ({ seq, prevBundleHash: prev, ack: { lastSeq: 0, hlc: null } }) as unknown as Manifest;
    expect(sequenceWarnings(p, m(6, 'h5'), 'Bình Gia').map((w) => [w.code, w.params['missing']])).toEqual([['GAP', '3–5']]);
    expect(sequenceWarnings(p, m(3, 'other'), 'Bình Gia').map((w) => w.code)).toEqual(['CHAIN']);
    expect(sequenceWarnings(p, m(1, null), 'Bình Gia').map((w) => w.code)).toEqual(['OLDER_BUNDLE']);
    expect(ranges([5])).toBe('5');
    expect(ranges([2, 3, 7, 8, 9, 11])).toBe('2, 3, 7–9, 11');
  });
});
