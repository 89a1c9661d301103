import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { EyeOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../electron/contract/reports';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { formatDate, formatDateTime } from '../../i18n/format';
import { periodName } from '../labels';
import { StateTag } from '../StateTag';
import { useShownStates } from '../sentState';
import { useSession } from '../../ui/session';

/** The office's reports: what is due (form × period) and where each stands. */
export function DueListPage(): React.JSX.Element {
  const { t } = useTranslation('reports');
  const q = useOpQuery('reports.due', {});
  const session = useSession();
  const shown = useShownStates(session.role === 'office' ? session.office.code : null, q.data ?? []);
  const open = (d: DueItem): void => navigate('report', d.formId, d.period);
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('office.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('office.intro')}</Typography.Paragraph>
      {q.error && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      <Card>
        <Table<DueItem>
          rowKey={(d) => `${d.formId}/${d.period}`}
          loading={q.isFetching}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('office.empty')} /> }}
          data-testid="due-list"
          onRow={(d) => ({ 'data-testid': `due-${d.formId}-${d.period}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('office.period'), key: 'period', render: (_, d) => <strong>{periodName(t, d.period)}</strong>, width: 170 },
            { title: t('office.form'), dataIndex: 'formTitle' },
            {
              title: t('office.due'),
              key: 'due',
              width: 170,
              render: (_, d) => (
                <>
                  <div>{formatDate(d.dueDate)}</div>
                  {d.overdue && <Typography.Text type="danger">{t('chase.overdue', { count: d.daysOverdue })}</Typography.Text>}
                </>
              ),
            },
            {
              title: t('office.state'),
              key: 'state',
              width: 200,
              render: (_, d) => (
                <>
                  <StateTag state={shown(d)} />
                  {d.comments > 0 && <div className="muted">{t('office.comments', { count: d.comments })}</div>}
                  {d.updatedAt && <div className="muted">{t('office.updatedAt', { when: formatDateTime(d.updatedAt) })}</div>}
                </>
              ),
            },
            {
              title: '',
              key: 'open',
              width: 150,
              render: (_, d) => (
                <Button type={d.state === 'notStarted' || d.state === 'draft' || d.state === 'returned' ? 'primary' : 'default'} icon={d.state === 'notStarted' || d.state === 'draft' || d.state === 'returned' ? <FormOutlined /> : <EyeOutlined />} onClick={() => open(d)} data-testid={`open-${d.formId}-${d.period}`}>
                  {d.state === 'notStarted' ? t('office.start') : d.state === 'draft' || d.state === 'returned' ? t('office.continue') : t('office.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
