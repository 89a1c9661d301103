import type { HomeWidget } from '../ui/extension';
import { OfficeTasksWidget } from './home/OfficeTasksWidget';
import { SoDirectivesWidget } from './home/SoDirectivesWidget';

/** Home cards of the directives / tasks feature. */
export const taskHomeWidgets: HomeWidget[] = [
  { id: 'tasks-office', roles: ['office'], render: () => <OfficeTasksWidget /> },
  { id: 'tasks-so', roles: ['so'], render: () => <SoDirectivesWidget /> },
];
