import { FileDoneOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { ReportFillPage } from './fill/ReportFillPage';
import { FormPage } from './forms/FormPage';
import { DueListPage } from './office/DueListPage';
import { ReportPrintPage } from './print/ReportPrintPage';
import { ReportsSoPage } from './so/ReportsSoPage';

/** Pages of the periodic reports feature; renderer/app/routes.tsx lists them with the others. */
export const reportRoutes: RouteDef[] = [
  {
    path: 'reports',
    labelKey: 'reports:nav.reports',
    icon: <FileDoneOutlined />,
    roles: ['so', 'office'],
    nav: true,
    render: (params, session) => (session.role === 'so' ? <ReportsSoPage params={params} /> : <DueListPage />),
  },
  { path: 'report', labelKey: 'reports:nav.report', icon: null, roles: ['so', 'office'], nav: false, render: (params) => <ReportFillPage params={params} /> },
  { path: 'report-form', labelKey: 'reports:nav.form', icon: null, roles: ['so'], nav: false, render: (params) => <FormPage params={params} /> },
  { path: 'report-print', labelKey: 'reports:nav.print', icon: null, roles: ['so'], nav: false, render: (params) => <ReportPrintPage params={params} /> },
];
