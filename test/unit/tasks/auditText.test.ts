import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../electron/contract/tasks';
import { auditValue, readableChanges } from '../../../renderer/tasks/task/auditText';

/** A stand-in t: the key (and count) so the tests read without the locale files. */
const t = ((key: string) => key) as unknown as TFunction;
const names = { office: (c: string) => (c === 'VANQUAN' ? 'Phòng LĐTBXH Văn Quan' : c), field: (c: string) => (c === 'GDNN' ? 'Giáo dục nghề nghiệp' : c) };
const entry = (action: AuditEntry['action'], changes: AuditEntry['changes']): AuditEntry => ({
  id: 'a', targetId: 'p', targetKind: 'progress', action, changes, by: 'Lan', office: 'VANQUAN', at: '2022-07-29T03:00:00.000Z',
});

describe('audit history wording', () => {
  it('expands a record saved whole into one line per item and drops empty fields of a new document', () => {
    const e = entry('create', [
      { field: 'status', from: '', to: 'done' },
      { field: 'figures', from: '', to: '[]' },
      { field: 'requiredContents', from: '', to: JSON.stringify({ 'Mục tiêu': 'Giảm 3%', 'cơ quan chủ trì': '' }) },
    ]);
    expect(readableChanges(e)).toEqual([
      { field: 'status', from: '', to: 'done' },
      { field: 'requiredContents.Mục tiêu', from: '', to: 'Giảm 3%' },
    ]);
  });

  it('keeps a deadline whole and shows it as the officer reads it', () => {
    const d = JSON.stringify({ kind: 'date', date: '2022-07-30', text: 'Thời gian 30/7/2022 thực hiện xong' });
    expect(readableChanges(entry('create', [{ field: 'deadline', from: '', to: d }]))).toHaveLength(1);
    expect(auditValue(t, 'deadline', d, names)).toBe('30/07/2022 ("Thời gian 30/7/2022 thực hiện xong")');
  });

  it('translates codes, dates and lists', () => {
    expect(auditValue(t, 'status', 'done', names)).toBe('tasks:status.done');
    expect(auditValue(t, 'field', 'GDNN', names)).toBe('Giáo dục nghề nghiệp');
    expect(auditValue(t, 'assignees', '["VANQUAN","BINHGIA"]', names)).toBe('Phòng LĐTBXH Văn Quan, BINHGIA');
    expect(auditValue(t, 'requiredContents', '["Mục tiêu","đối tượng dự án"]', names)).toBe('Mục tiêu; đối tượng dự án');
    expect(auditValue(t, 'deadline.date', '2022-07-30', names)).toBe('30/07/2022');
    expect(auditValue(t, 'narrative', '', names)).toBe('tasks:audit.empty');
  });
});
