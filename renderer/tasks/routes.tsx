import { BarChartOutlined, FileTextOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { DashboardPage } from './dashboard/DashboardPage';
import { DirectiveEditorPage } from './directives/DirectiveEditorPage';
import { DirectiveListPage } from './directives/DirectiveListPage';
import { DirectiveViewPage } from './directives/DirectiveViewPage';
import { PastePage } from './directives/PastePage';
import { OfficeTaskListPage } from './office/OfficeTaskListPage';
import { ProgressReportPage } from './print/ProgressReportPage';
import { SearchPage } from './search/SearchPage';
import { TaskPage } from './task/TaskPage';
import './tasks.css';

/** Pages of the directives / tasks feature (issue 3). */
export const taskRoutes: RouteDef[] = [
  { path: 'directives', labelKey: 'tasks:nav.directives', icon: <FileTextOutlined />, roles: ['so'], nav: true, render: () => <DirectiveListPage /> },
  { path: 'dashboard', labelKey: 'tasks:nav.dashboard', icon: <BarChartOutlined />, roles: ['so'], nav: true, render: (p) => <DashboardPage key={p[0] ?? ''} directiveId={p[0]} /> },
  { path: 'tasks', labelKey: 'tasks:nav.tasks', icon: <UnorderedListOutlined />, roles: ['office'], nav: true, render: (p) => <OfficeTaskListPage key={p.join('/')} params={p} /> },
  { path: 'search', labelKey: 'tasks:nav.search', icon: <SearchOutlined />, roles: ['so', 'office'], nav: true, render: (p) => <SearchPage q={p[0] ?? ''} /> },
  // #/directive/<id> reads (both roles); #/directive/new and #/directive/<id>/edit edit (the Sở).
  {
    path: 'directive',
    labelKey: 'tasks:nav.directives',
    icon: null,
    roles: ['so', 'office'],
    nav: false,
    render: (p, session) =>
      session.role === 'so' && (!p[0] || p[0] === 'new' || p[1] === 'edit') ? (
        <DirectiveEditorPage key={p[0] ?? 'new'} id={p[0]} />
      ) : (
        <DirectiveViewPage key={p[0]} id={p[0] ?? ''} />
      ),
  },
  { path: 'paste', labelKey: 'tasks:nav.directives', icon: null, roles: ['so'], nav: false, render: () => <PastePage /> },
  { path: 'task', labelKey: 'tasks:nav.tasks', icon: null, roles: ['so', 'office'], nav: false, render: (p) => <TaskPage key={p[0]} id={p[0] ?? ''} /> },
  { path: 'print', labelKey: 'tasks:nav.tasks', icon: null, roles: ['so', 'office'], nav: false, render: (p) => <ProgressReportPage params={p} /> },
];
