import { householdDocData, householdDocId } from '../../../electron/core/households/store/docs';
import type { DataOf } from '../../../electron/domain/documentKinds';

/**
 * Data that fits its kind (the store checks every write against the registry of kinds), for
 * tests of the store's mechanics: a household of Văn Quan's 2022 review and a task of the Sở.
 */
export const householdId = (code: string): string => householdDocId('VANQUAN', 2022, code);

export function householdData(headName: string, incomePerPerson: number, code = 'VQ-001'): DataOf<'household'> {
  return householdDocData(
    {
      code,
      headName,
      idNumber: '020180001234',
      ethnicity: 'Tày',
      communeCode: 'TRANGCAC',
      village: 'Thôn Bản Chu',
      area: 'rural',
      members: 4,
      incomePerPerson,
      deprived: [],
      merit: false,
      notes: '',
      reviewYear: 2022,
      standardId: 'nd07-2021',
    },
    'test',
    new Date(Date.UTC(2022, 6, 26)),
  );
}

export function taskData(content: string): DataOf<'task'> {
  return {
    directiveId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    order: 0,
    field: null,
    content,
    assignees: ['VANQUAN'],
    assigneeGroups: [],
    deadline: { kind: 'date', date: '2022-07-30' },
    requiredContents: [],
  };
}
