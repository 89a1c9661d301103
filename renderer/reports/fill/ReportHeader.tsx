import { Alert, Button, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportOpen } from '../../../electron/contract/reports';
import { formatDate, formatDateTime } from '../../i18n/format';
import { navigate } from '../../ui/router';
import { periodName } from '../labels';
import { StateTag } from '../StateTag';
import { useShownStates } from '../sentState';

/** Title, period, office, state and what the reader must know before filling or reviewing. */
export function ReportHeader({ data, isSo }: { data: ReportOpen; isSo: boolean }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const review = data.review;
  const returned = data.state === 'returned';
  const item = { formId: data.form.formId, period: data.period, dueDate: data.dueDate, state: data.state };
  const shown = useShownStates(isSo ? null : data.office.code, [item]);
  return (
    <div style={{ marginBottom: 16 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('reports')} style={{ paddingLeft: 0 }} className="no-print">
        {isSo ? t('fill.backSo') : t('fill.backOffice')}
      </Button>
      <Typography.Title level={3} style={{ margin: '4px 0 8px' }} data-testid="report-title">
        {data.form.title}
      </Typography.Title>
      <Space wrap size={[12, 8]}>
        <Typography.Text strong>{periodName(t, data.period)}</Typography.Text>
        <Typography.Text>{data.office.name}</Typography.Text>
        <StateTag state={shown(item)} />
        <Typography.Text type="secondary">{t('fill.dueDate', { date: formatDate(data.dueDate) })}</Typography.Text>
        <Tag>{t('fill.version', { version: data.form.version })}</Tag>
        {data.report?.completedOn && (
          <Typography.Text type="secondary">{t('fill.completedOn', { date: formatDate(data.report.completedOn) })}</Typography.Text>
        )}
        {data.report && (
          <Typography.Text type="secondary">
            {t('fill.updated', { who: data.report.updatedBy, when: formatDateTime(data.report.updatedAt) })}
          </Typography.Text>
        )}
      </Space>
      {data.latestVersion > data.form.version && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('fill.olderVersion', { version: data.form.version, latest: data.latestVersion })} />
      )}
      {data.locked && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('fill.locked')} data-testid="locked" />}
      {returned && review && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="returned"
          title={t('fill.returned', { who: review.reviewedBy, date: formatDate(review.reviewedAt) })}
          description={review.comment || undefined}
        />
      )}
      {!isSo && data.prefilled.length > 0 && !data.report && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('fill.prefilledNote')} />
      )}
    </div>
  );
}
