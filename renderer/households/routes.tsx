import { TeamOutlined, BarChartOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { CommunesPage } from './communes/CommunesPage';
import { HouseholdFormPage } from './form/HouseholdFormPage';
import { ImportPage } from './import/ImportPage';
import { HouseholdListPage } from './list/HouseholdListPage';
import { SummaryPrintPage } from './print/SummaryPrintPage';
import { PublicListPage } from './lists/PublicListPage';
import { SummaryPage } from './summary/SummaryPage';
import { ScoreTablesPage } from './scoring/ScoreTablesPage';
import { StandardsPage } from './standards/StandardsPage';

/** Pages of the poverty review; registered in app/routes.tsx. */
export const householdRoutes: RouteDef[] = [
  { path: 'households', labelKey: 'households:nav.list', icon: <TeamOutlined />, roles: ['so', 'office'], nav: true, render: () => <HouseholdListPage /> },
  { path: 'households-summary', labelKey: 'households:nav.summary', icon: <BarChartOutlined />, roles: ['so', 'office'], nav: true, render: () => <SummaryPage /> },
  { path: 'household', labelKey: 'households:nav.form', icon: null, roles: ['so', 'office'], nav: false, render: (p) => <HouseholdFormPage key={p[0] ?? 'new'} params={p} /> },
  { path: 'households-import', labelKey: 'households:nav.import', icon: null, roles: ['office'], nav: false, render: () => <ImportPage /> },
  { path: 'households-print', labelKey: 'households:nav.print', icon: null, roles: ['so', 'office'], nav: false, render: (p) => <SummaryPrintPage params={p} /> },
  { path: 'households-lists', labelKey: 'households:nav.lists', icon: null, roles: ['so', 'office'], nav: false, render: (p) => <PublicListPage params={p} /> },
  { path: 'score-tables', labelKey: 'households:nav.scoreTables', icon: null, roles: ['so', 'office'], nav: false, render: () => <ScoreTablesPage /> },
  { path: 'standards', labelKey: 'households:nav.standards', icon: null, roles: ['so', 'office'], nav: false, render: () => <StandardsPage /> },
  { path: 'communes', labelKey: 'households:nav.communes', icon: null, roles: ['office'], nav: false, render: () => <CommunesPage /> },
];
