import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { progressId } from '../../electron/core/tasks/ids';
import type { ImportReport } from '../../electron/contract/sync';
import { DOC_KINDS, type Doc, type DocKind } from '../../electron/domain/document';
import { LOCAL_KINDS, OFFICE_KINDS, SO_KINDS } from '../../electron/domain/documentKinds';
import { carry, sendKeyCard, usbStick } from '../integration/syncHelpers';
import { openOffice, type Office } from '../integration/twoOffices';
import { forgedBundle } from '../integration/forgedBundle';

/**
 * Records of the right kind but the wrong shape, and records under another office's id, in
 * real signed bundle files between real data folders: each is refused with its reason in the
 * dry run and the import, and the rest of the bundle is applied.
 */
let clock = Date.UTC(2022, 6, 26, 2, 0);
const now = (): number => clock;
const usb = usbStick('shapes');
const opened: Office[] = [];
let so: Office;
let vq: Office;
let bg: Office;
let seq = 100;
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

beforeAll(async () => {
  so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now });
  vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
  bg = await openOffice('office', 'BINHGIA', 'Lương Văn Bình', { now });
  opened.push(so, vq, bg);
  for (const o of [vq, bg]) {
    await sendKeyCard(o, so, usb);
    await sendKeyCard(so, o, usb);
  }
  await so.call('directives.loadSample', {});
  await carry(so, vq);
  await carry(so, bg);
});

const stamp = (node: string): string => {
  clock += 1000;
  return `${String(clock).padStart(15, '0')}-000000-${node}`;
};

/** A bundle signed with `from`'s own keys, as a modified app of that office would write it. */
async function forged(from: Office, fromCode: string, to: Office, toCode: string, docs: Doc[]): Promise<{ name: string; base64: string }> {
  seq += 1;
  return forgedBundle(from, fromCode, to, toCode, docs, seq, new Date(clock));
}

/** A task of the Sở assigned to `office`. */
function taskFor(office: string): Doc {
  const t = so.core.context.store.list('task').find((d) => (d.data['assignees'] as string[]).includes(office));
  if (!t) throw new Error(`no task for ${office}`);
  return t;
}

function progress(office: string, author: string, taskId: string, narrative: string, extra: Partial<Doc> = {}): Doc {
  return {
    id: progressId(taskId, office),
    kind: 'progress',
    owner: office,
    rev: 1,
    hlc: stamp(author),
    author,
    data: {
      taskId,
      office,
      status: 'done',
      percent: 100,
      narrative,
      reason: '',
      figures: [],
      requiredContents: {},
      attachments: [],
      completedOn: '2022-07-26',
      updatedBy: 'Hoàng Thị Lan',
      updatedAt: new Date(clock).toISOString(),
    },
    ...extra,
  };
}

/** An id of the right form for each kind, so only the data is wrong. */
function idOf(kind: DocKind, office: string, taskId: string): string {
  switch (kind) {
    case 'progress':
      return progressId(taskId, office);
    case 'attachment':
      return `at_${office}_${'a'.repeat(64)}`;
    case 'report':
      return `rp_six-month_2022-H1_${office}`;
    case 'household':
      return `household:${office}:2022:VQ-LOI-01`;
    case 'commune':
      return `commune:${office}:TRANGCAC`;
    default:
      return `sai-dang-${kind}`;
  }
}

const wrongShape = (kind: DocKind, office: string, node: string, taskId: string): Doc => ({
  id: idOf(kind, office, taskId),
  kind,
  owner: office,
  rev: 1,
  hlc: stamp(node),
  author: node,
  // An older or modified app: the right kind, a made-up shape.
  data: { ghiChu: 'Bản ghi sai dạng', soLuong: 'mười hai' },
});

async function importAt(at: Office, file: { name: string; base64: string }): Promise<ImportReport['bundles'][number]> {
  const dry = await at.call('sync.inspect', { files: [file] });
  const done = await at.call('sync.import', { files: [file] });
  const [d, b] = [dry.bundles[0], done.bundles[0]];
  expect(d?.refused).toEqual(b?.refused); // the dry run says exactly what the import refuses
  if (!b) throw new Error('no report');
  return b;
}

describe('every kind is checked against its schema before any merge decision', () => {
  it('an office bundle with a wrong-shaped record of each kind: each refused, the good record applied', async () => {
    const task = taskFor('VANQUAN');
    const node = vq.core.context.settings().node;
    const bad = DOC_KINDS.map((k) => wrongShape(k, 'VANQUAN', node, task.id));
    // A wrong-shaped progress and a good one cannot share an id: the good one is another task's.
    const other = so.core.context.store.list('task').find((d) => d.id !== task.id && (d.data['assignees'] as string[]).includes('VANQUAN'));
    const good = progress('VANQUAN', node, other?.id ?? '', 'Đã tổ chức rà soát tại 24/24 xã, thị trấn.');
    const report = await importAt(so, await forged(vq, 'VANQUAN', so, 'SO', [...bad, good]));

    expect(report.status).toBe('applied');
    const reasons = new Map(report.refused.map((r) => [r.kind, r.reason]));
    for (const kind of DOC_KINDS) {
      const expected = LOCAL_KINDS.has(kind) ? 'localKind' : OFFICE_KINDS.has(kind) ? 'shape' : 'kind';
      expect(reasons.get(kind), kind).toBe(expected);
    }
    expect(report.refused.find((r) => r.kind === 'household')).toMatchObject({ reason: 'shape', field: expect.any(String) });
    expect(report.totals.new).toBe(1);
    expect(so.core.context.store.get(good.id)?.data['narrative']).toBe('Đã tổ chức rà soát tại 24/24 xã, thị trấn.');
    for (const b of bad) if (!LOCAL_KINDS.has(b.kind)) expect(so.core.context.store.get(b.id)?.data['ghiChu'], b.kind).toBeUndefined();
  });

  it('a Sở bundle with a wrong-shaped record of each kind: each refused at the office, the good field applied', async () => {
    const node = so.core.context.settings().node;
    const bad = DOC_KINDS.map((k) => wrongShape(k, 'SO', node, taskFor('VANQUAN').id));
    const good: Doc = { id: 'F_LINHVUCMOI01', kind: 'field', owner: 'SO', rev: 1, hlc: stamp(node), author: node, data: { name: 'Chăm sóc người cao tuổi' } };
    const report = await importAt(vq, await forged(so, 'SO', vq, 'VANQUAN', [...bad, good]));

    expect(report.status).toBe('applied');
    const reasons = new Map(report.refused.map((r) => [r.kind, r.reason]));
    for (const kind of DOC_KINDS) {
      const expected = LOCAL_KINDS.has(kind) ? 'localKind' : SO_KINDS.has(kind) ? 'shape' : 'kind';
      expect(reasons.get(kind), kind).toBe(expected);
    }
    const fields = await vq.call('fields.list', {});
    expect(fields.map((f) => f.name)).toContain('Chăm sóc người cao tuổi');
  });
});

describe('an office cannot write under another office’s id', () => {
  it('Văn Quan’s “Bình Gia has finished” is refused, and Bình Gia’s real progress then arrives', async () => {
    const task = taskFor('BINHGIA');
    const node = vq.core.context.settings().node;
    const squat = progress('BINHGIA', node, task.id, 'Văn Quan viết thay Bình Gia: đã hoàn thành.', { owner: 'VANQUAN' });
    const asBg = progress('BINHGIA', node, task.id, 'Văn Quan ký tên Bình Gia.');
    const inOwnIdOtherOffice = progress('VANQUAN', node, task.id, 'Văn Quan ghi trường đơn vị là Bình Gia.');
    inOwnIdOtherOffice.data = { ...inOwnIdOtherOffice.data, office: 'BINHGIA' };
    const report = await importAt(so, await forged(vq, 'VANQUAN', so, 'SO', [squat, asBg, inOwnIdOtherOffice]));

    expect(report.refused).toEqual([
      { id: squat.id, kind: 'progress', owner: 'VANQUAN', reason: 'idNotSenders', field: 'id' },
      { id: asBg.id, kind: 'progress', owner: 'BINHGIA', reason: 'owner' },
      { id: inOwnIdOtherOffice.id, kind: 'progress', owner: 'VANQUAN', reason: 'idNotSenders', field: 'office' },
    ]);
    expect(so.core.context.store.get(progressId(task.id, 'BINHGIA'))).toBeUndefined();
    const detail = await so.call('tasks.get', { id: task.id });
    expect(detail.progress.find((p) => p.office === 'BINHGIA')).toBeUndefined();

    // Bình Gia's own report is not a "takeover" of anything.
    await bg.call('progress.save', {
      taskId: task.id,
      status: 'inProgress',
      percent: 40,
      narrative: 'Bình Gia đã rà soát 8/20 xã.',
      reason: '',
      figures: [],
      requiredContents: {},
      attachmentIds: [],
    });
    const fromBg = await carry(bg, so);
    expect(fromBg.bundles[0]?.refused).toEqual([]);
    const after = await so.call('tasks.get', { id: task.id });
    expect(after.progress.find((p) => p.office === 'BINHGIA')).toMatchObject({ status: 'inProgress', narrative: 'Bình Gia đã rà soát 8/20 xã.' });
  });
});
