import { describe, expect, it } from 'vitest';
import { DOC_KINDS } from '../../../electron/domain/document';
import {
  checkDocument,
  DOCUMENT_KINDS,
  LOCAL_KINDS,
  OFFICE_KINDS,
  PER_OFFICE_KINDS,
  SO_KINDS,
  SO_TO_OFFICE_KINDS,
} from '../../../electron/domain/documentKinds';
import { formDocId, reportDocId } from '../../../electron/contract/reports';
import { attachmentId, progressId } from '../../../electron/core/tasks/ids';
import { communeDocId, householdDocId } from '../../../electron/core/households/store/docs';
import { householdData } from '../store/validDocs';

const TASK = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const SHA = 'c'.repeat(64);

describe('registry of document kinds', () => {
  it('has one entry per kind, each with a schema that refuses a made-up shape', () => {
    expect(Object.keys(DOCUMENT_KINDS).sort()).toEqual([...DOC_KINDS].sort());
    for (const kind of DOC_KINDS) {
      const spec = DOCUMENT_KINDS[kind];
      expect(spec.shards, kind).toBeGreaterThan(0);
      // Peers and settings are reserved names nothing writes: any object is their data.
      if (kind === 'peer' || kind === 'setting') continue;
      expect(spec.schema.safeParse({ ghiChu: 'Bản ghi sai dạng' }).success, kind).toBe(false);
    }
  });

  it('every kind is written by someone, and the lists derived from it do not overlap wrongly', () => {
    for (const kind of DOC_KINDS) expect(LOCAL_KINDS.has(kind) || SO_KINDS.has(kind) || OFFICE_KINDS.has(kind), kind).toBe(true);
    for (const kind of LOCAL_KINDS) expect(SO_KINDS.has(kind) || OFFICE_KINDS.has(kind), kind).toBe(false);
    for (const kind of SO_TO_OFFICE_KINDS) expect(SO_KINDS.has(kind), kind).toBe(true);
    expect([...PER_OFFICE_KINDS].sort()).toEqual(['reportReview', 'review', 'target']);
    expect([...OFFICE_KINDS].sort()).toEqual(['attachment', 'audit', 'commune', 'household', 'progress', 'report', 'scoreTable']);
  });

  it('ids made by the app name their owning office', () => {
    const cases: Array<[keyof typeof DOCUMENT_KINDS, string, string]> = [
      ['progress', progressId(TASK, 'VANQUAN'), 'VANQUAN'],
      ['attachment', attachmentId('BINHGIA', SHA), 'BINHGIA'],
      ['report', reportDocId('six-month', '2022-H1', 'TRANGDINH'), 'TRANGDINH'],
      ['household', householdDocId('VANQUAN', 2022, 'VQ:001'), 'VANQUAN'],
      ['commune', communeDocId('LOCBINH', 'MAUSON'), 'LOCBINH'],
    ];
    for (const [kind, id, owner] of cases) expect(DOCUMENT_KINDS[kind].ownerInId?.(id), id).toBe(owner);
    expect(DOCUMENT_KINDS.progress.ownerInId(`pr_${TASK}`)).toBeUndefined();
    // The Sở's ids are random or name the office a record is about, not its writer.
    expect('ownerInId' in DOCUMENT_KINDS.review).toBe(false);
    expect('ownerInId' in DOCUMENT_KINDS.reportForm && formDocId('six-month', 1)).toBe(false);
  });

  it('checkDocument names the field at fault, and an id or office field naming another office', () => {
    const data = householdData('Hoàng Thị Lý', 1_350_000);
    const id = householdDocId('VANQUAN', 2022, 'VQ-001');
    expect(checkDocument({ id, kind: 'household', owner: 'VANQUAN', data })).toBeNull();
    expect(checkDocument({ id, kind: 'household', owner: 'VANQUAN', data: { ...data, incomePerPerson: 'một triệu' } })).toEqual({ problem: 'shape', field: 'incomePerPerson' });
    expect(checkDocument({ id, kind: 'household', owner: 'BINHGIA', data })).toEqual({ problem: 'idNotOwners', field: 'id' });
    expect(checkDocument({ id: 'hh-1', kind: 'household', owner: 'VANQUAN', data })).toEqual({ problem: 'id', field: 'id' });
  });
});
