import type { TFunction } from 'i18next';
import type { Assignment } from '../../../electron/contract/tasks';

/** One colour per position of an assignment, shared by the matrix, its legend and the chart. */
export type CellState = 'doneOnTime' | 'doneLate' | 'overdue' | 'inProgress' | 'notStarted' | 'cannotDo';
export const CELL_STATES: CellState[] = ['doneOnTime', 'doneLate', 'inProgress', 'notStarted', 'overdue', 'cannotDo'];

export const CELL_COLORS: Record<CellState, string> = {
  doneOnTime: '#389e0d',
  doneLate: '#d48806',
  inProgress: '#1677ff',
  notStarted: '#bfbfbf',
  overdue: '#cf1322',
  cannotDo: '#722ed1',
};

export function cellState(a: Assignment): CellState {
  if (a.due.state === 'doneOnTime') return 'doneOnTime';
  if (a.due.state === 'doneLate') return 'doneLate';
  if (a.status === 'cannotDo') return 'cannotDo';
  if (a.due.state === 'overdue') return 'overdue';
  if (a.status === 'inProgress') return 'inProgress';
  return 'notStarted';
}

export function cellStateLabel(t: TFunction, s: CellState): string {
  switch (s) {
    case 'doneOnTime':
      return t('tasks:counts.doneOnTime');
    case 'doneLate':
      return t('tasks:counts.doneLate');
    case 'inProgress':
      return t('tasks:counts.inProgress');
    case 'notStarted':
      return t('tasks:counts.notStarted');
    case 'overdue':
      return t('tasks:counts.overdue');
    case 'cannotDo':
      return t('tasks:counts.cannotDo');
  }
}
