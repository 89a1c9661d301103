import { ApartmentOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { UnitsPage } from './UnitsPage';

/** The organisation's own pages: the Sở's list of its units (issue 15 §4). */
export const orgRoutes: RouteDef[] = [
  { path: 'units', labelKey: 'app:units.page.nav', icon: <ApartmentOutlined />, roles: ['so'], nav: true, render: () => <UnitsPage /> },
];
