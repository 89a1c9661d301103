import { describe, expect, it } from 'vitest';
import { LANG_SON_2022 } from '../../../electron/domain/profiles/builtIn';
import { coveredGroups, draftIssues, groupByField, groupMembers, newTask, toSaveInput, type Draft } from '../../../renderer/tasks/directives/draft';

const P = LANG_SON_2022;
const districts = groupMembers(P, 'ALL_DISTRICTS');

function draft(tasks: Draft['tasks']): Draft {
  return {
    directive: { type: 'thongBao', number: '', symbol: '', date: null, place: '', issuingBody: '', parentBody: '', title: 'Trích yếu', signer: '', signerTitle: '', recipients: [' Lãnh đạo sở ', '', 'Lưu: VT.'], text: '' },
    tasks,
  };
}

describe('directive editor draft', () => {
  it('mirrors the core group rule and records groups wholly chosen', () => {
    expect(districts).toHaveLength(11);
    expect(coveredGroups(P, [...districts, 'SO-VP'])).toEqual(['ALL_DISTRICTS']);
    expect(coveredGroups(P, districts.slice(1))).toEqual([]);
  });

  it('saves tasks grouped by field in order of first appearance, assignees in profile order', () => {
    const a = { ...newTask('GDNN'), content: 'A', assignees: ['BINHGIA', 'VANQUAN'] };
    const b = { ...newTask('KHAC'), content: 'B', assignees: ['SO-VP'] };
    const c = { ...newTask('GDNN'), content: 'C', assignees: ['CDN'], requiredContents: ['Mục tiêu', '  ', ''], hint: { undecided: [], warnings: [] } };
    expect(groupByField([a, b, c]).map((g) => g.field)).toEqual(['GDNN', 'KHAC']);
    const input = toSaveInput(P, draft([a, b, c]));
    expect(input.tasks.map((t) => t.content)).toEqual(['A', 'C', 'B']);
    expect(input.tasks[0]?.assignees).toEqual(['VANQUAN', 'BINHGIA']);
    expect(input.tasks[1]?.requiredContents).toEqual(['Mục tiêu']);
    expect(input.tasks[1]).not.toHaveProperty('hint');
    expect(input.tasks[1]).not.toHaveProperty('key');
    expect(input.directive.recipients).toEqual(['Lãnh đạo sở', 'Lưu: VT.']);
  });

  it('lists what must be fixed before saving, numbered as displayed', () => {
    const ok = { ...newTask('GDNN'), content: 'A', assignees: ['VANQUAN'] };
    const bad = { ...newTask(null), content: ' ', deadline: { kind: 'date' as const, date: '' } };
    const d = draft([bad, ok]);
    d.directive.title = '';
    expect(draftIssues(d)).toEqual([
      { kind: 'title' },
      { kind: 'content', task: 1 },
      { kind: 'assignees', task: 1 },
      { kind: 'deadlineDate', task: 1 },
    ]);
  });
});
