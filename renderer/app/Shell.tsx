import { Layout, Menu, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { RecoveryBanner } from './RecoveryBanner';
import { ReminderBanner } from './ReminderBanner';
import { navigate, useHashPath } from '../ui/router';
import { routes } from './routes';
import { useAppState, useSession } from '../ui/session';
import { TransportLight } from '../sync/TransportLight';

/** The frame after first run: header with who/where, side menu from the route list, page. */
export function Shell(): React.JSX.Element {
  const { t } = useTranslation(['app', 'common']);
  const session = useSession();
  const { state } = useAppState();
  const path = useHashPath();
  const mine = routes.filter((r) => r.roles.includes(session.role));
  const route = mine.find((r) => r.path === (path[0] ?? '')) ?? mine[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <div className="brand">{t('common:appName')}</div>
        <div className="who" data-testid="who">
          <Tag color={session.role === 'so' ? 'blue' : 'green'}>{session.role === 'so' ? t('app:home.roleSo') : t('app:home.roleOffice')}</Tag>
          <span className="who-office">{session.office.shortName}</span>
          <span className="who-sep">·</span>
          <span>{session.officerName}</span>
        </div>
        <TransportLight />
        <LanguageSwitch />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={232} theme="light" className="app-sider">
          <Menu
            mode="inline"
            selectedKeys={[route?.path ?? '']}
            items={mine.filter((r) => r.nav).map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey), 'data-testid': `nav-${r.path || 'home'}` }))}
            onClick={(e) => navigate(...(e.key ? [e.key] : []))}
          />
          <Typography.Text type="secondary" className="version">
            {t('app:home.version', { version: state.appVersion })}
          </Typography.Text>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <div className="no-print">
            <ReadOnlyBanner />
            <RecoveryBanner />
            <ReminderBanner />
          </div>
          {route?.render(path.slice(1), session)}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
