import type { ReactNode } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { Role, Session } from '../../electron/contract/app';
import { HomePage } from './HomePage';
import { taskRoutes } from '../tasks/routes';
import { syncRoutes } from '../sync/routes';
import { reportRoutes } from '../reports/routes';
import { householdRoutes } from '../households/routes';

/**
 * Every page of the app. A feature adds its entries here; the side menu and the router are
 * derived from this list. `path` is the first segment of the hash path.
 */
export interface RouteDef {
  path: string;
  /** i18n key of the menu label ("ns:key"). */
  labelKey: string;
  icon: ReactNode;
  roles: Role[];
  /** Shown in the side menu (detail pages are not). */
  nav: boolean;
  render: (params: string[], session: Session) => ReactNode;
}

export const routes: RouteDef[] = [
  { path: '', labelKey: 'app:nav.home', icon: <HomeOutlined />, roles: ['so', 'office'], nav: true, render: () => <HomePage /> },
  ...taskRoutes,
  ...reportRoutes,
  ...householdRoutes,
  ...syncRoutes,
];
