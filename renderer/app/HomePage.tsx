import { Card, Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState, useSession } from '../ui/session';
import { homeWidgets } from './homeWidgets';

/** Who and where you are, then the widgets each feature adds (tasks, reports...). */
export function HomePage(): React.JSX.Element {
  const { t } = useTranslation('app');
  const session = useSession();
  const { state } = useAppState();
  const widgets = homeWidgets.filter((w) => w.roles.includes(session.role));
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="greeting">
        {t('home.greeting', { name: session.officerName })}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={session.role === 'so' ? t('home.roleSo') : t('home.roleOffice')}>
            <strong data-testid="office-name">{session.office.name}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.dataDir')}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {state.dataDir}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {widgets.length === 0 ? (
        <Card title={t('home.tasksTitle')}>
          <Empty
            description={
              <>
                <div>{t('home.noTasks')}</div>
                <div className="muted">{session.role === 'so' ? t('home.noTasksHelpSo') : t('home.noTasksHelpOffice')}</div>
              </>
            }
          />
        </Card>
      ) : (
        widgets.map((w) => <div key={w.id} style={{ marginBottom: 16 }}>{w.render(session)}</div>)
      )}
    </div>
  );
}
