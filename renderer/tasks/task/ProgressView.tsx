import { Descriptions, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../electron/contract/tasks';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { AttachmentList } from './AttachmentList';

/** One office's reported progress, read-only (the Sở's view). */
export function ProgressView({ progress }: { progress: Progress | undefined }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  if (!progress) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noProgress')} />;
  const contents = Object.entries(progress.requiredContents);
  return (
    <div className="sv-progress-view">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('review.updated', { who: progress.updatedBy, when: formatDateTime(progress.updatedAt) })}
      </Typography.Paragraph>
      {progress.reason && (
        <Typography.Paragraph>
          <strong>{t('progress.reason')}:</strong> {progress.reason}
        </Typography.Paragraph>
      )}
      {progress.narrative && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{progress.narrative}</Typography.Paragraph>}
      {contents.length > 0 && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          items={contents.map(([k, v]) => ({ key: k, label: k, children: v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : <Typography.Text type="warning">{t('review.empty')}</Typography.Text> }))}
        />
      )}
      {progress.figures.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r.label}
          dataSource={progress.figures}
          style={{ marginBottom: 12 }}
          columns={[
            { title: t('progress.figureLabel'), dataIndex: 'label' },
            { title: t('progress.figureValue'), key: 'v', align: 'right', width: 140, render: (_, r) => formatNumber(r.value) },
            { title: t('progress.figureUnit'), dataIndex: 'unit', width: 120 },
          ]}
        />
      )}
      <AttachmentList items={progress.attachments} />
    </div>
  );
}
