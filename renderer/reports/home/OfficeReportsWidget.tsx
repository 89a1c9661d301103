import { Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { navigate } from '../../ui/router';
import { formatDate } from '../../i18n/format';
import { periodName } from '../labels';
import { StateTag } from '../StateTag';

/** Home card at an office: the reports that need doing (not started, draft, returned). */
export function OfficeReportsWidget(): React.JSX.Element {
  const { t } = useTranslation('reports');
  const q = useOpQuery('reports.due', {});
  const open = (q.data ?? []).filter((d) => d.state === 'notStarted' || d.state === 'draft' || d.state === 'returned').slice(0, 5);
  return (
    <Card
      title={t('home.officeTitle')}
      extra={<a href="#/reports">{t('home.all')}</a>}
      loading={q.isPending}
      data-testid="reports-widget"
    >
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingDue')} />
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(d) => (
            <List.Item onClick={() => navigate('report', d.formId, d.period)} style={{ cursor: 'pointer' }}>
              <Typography.Text strong style={{ minWidth: 170 }}>
                {periodName(t, d.period)}
              </Typography.Text>
              <span style={{ flex: 1, padding: '0 12px' }}>{d.formTitle}</span>
              <Typography.Text type={d.overdue ? 'danger' : 'secondary'} style={{ marginRight: 12 }}>
                {d.overdue ? t('chase.overdue', { count: d.daysOverdue }) : t('matrix.dueOn', { date: formatDate(d.dueDate) })}
              </Typography.Text>
              <StateTag state={d.state} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
