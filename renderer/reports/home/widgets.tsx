import type { HomeWidget } from '../../ui/extension';
import { OfficeReportsWidget } from './OfficeReportsWidget';
import { SoReportsWidget } from './SoReportsWidget';

/** Home cards of the periodic reports feature; renderer/app/homeWidgets.tsx lists them. */
export const reportWidgets: HomeWidget[] = [
  { id: 'reports-office', roles: ['office'], render: () => <OfficeReportsWidget /> },
  { id: 'reports-so', roles: ['so'], render: () => <SoReportsWidget /> },
];
