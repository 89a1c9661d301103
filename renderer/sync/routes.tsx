import { CloudSyncOutlined, SwapOutlined } from '@ant-design/icons';
import type { RouteDef } from '../ui/extension';
import { SyncPage } from './SyncPage';
import { TransportPage } from './TransportPage';

/** Pages of the sync feature (issue 4). */
export const syncRoutes: RouteDef[] = [
  { path: 'sync', labelKey: 'bundles:nav', icon: <SwapOutlined />, roles: ['so', 'office'], nav: true, render: () => <SyncPage /> },
  { path: 'transport', labelKey: 'bundles:transport.nav', icon: <CloudSyncOutlined />, roles: ['so', 'office'], nav: true, render: () => <TransportPage /> },
];
