import { Card, Collapse, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../electron/contract/tasks';
import { DueTag } from '../DueTag';
import { ReviewTag } from '../ReviewTag';
import { StatusTag } from '../StatusTag';
import { ProgressView } from './ProgressView';
import { ReviewForm } from './ReviewForm';
import { ReviewOutcome } from './ReviewOutcome';

/** Sở: every assigned office's progress, with Chấp nhận / Trả lại on completions. */
export function OfficeAssignments({ detail }: { detail: TaskDetail }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { row } = detail;
  const needsReview = row.assignments.filter((a) => a.status === 'done' || detail.progress.some((p) => p.office === a.office && p.status === 'done'));
  const done = row.assignments.filter((a) => a.due.state === 'doneOnTime' || a.due.state === 'doneLate').length;
  return (
    <Card
      title={t('review.title')}
      extra={<Typography.Text type="secondary">{t('directives.doneOf', { done, total: row.assignments.length })}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="office-assignments"
    >
      <Collapse
        defaultActiveKey={needsReview.map((a) => a.office)}
        items={row.assignments.map((a) => {
          const progress = detail.progress.find((p) => p.office === a.office);
          const review = detail.reviews.find((r) => r.office === a.office);
          return {
            key: a.office,
            label: (
              <Space wrap size={[8, 4]} data-testid={`assignment-${a.office}`}>
                <strong>{a.officeName}</strong>
                <StatusTag status={a.status} percent={a.percent} />
                <DueTag due={a.due} />
                <ReviewTag outcome={a.review} changed={a.changedSinceReview} />
              </Space>
            ),
            children: (
              <>
                <ProgressView progress={progress} />
                <ReviewOutcome review={review} changed={a.changedSinceReview} />
                {progress?.status === 'done' && (
                  <ReviewForm key={review?.reviewedAt ?? 'new'} taskId={row.task.id} office={a.office} />
                )}
              </>
            ),
          };
        })}
      />
    </Card>
  );
}
