import { SwapOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { SyncPage } from './SyncPage';

/** Pages of the sync feature (issue 4). */
export const syncRoutes: RouteDef[] = [
  { path: 'sync', labelKey: 'bundles:nav', icon: <SwapOutlined />, roles: ['so', 'office'], nav: true, render: () => <SyncPage /> },
];
