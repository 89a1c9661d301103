import { HomeOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { HomePage } from './HomePage';
import { taskRoutes } from '../tasks/routes';
import { syncRoutes } from '../sync/routes';
import { reportRoutes } from '../reports/routes';
import { householdRoutes } from '../households/routes';
import { orgRoutes } from '../org/routes';

export type { RouteDef };

/** Every page of the app; the side menu and the router are derived from this list. */

export const routes: RouteDef[] = [
  { path: '', labelKey: 'app:nav.home', icon: <HomeOutlined />, roles: ['so', 'office'], nav: true, render: () => <HomePage /> },
  ...taskRoutes,
  ...reportRoutes,
  ...householdRoutes,
  ...syncRoutes,
  ...orgRoutes,
];
