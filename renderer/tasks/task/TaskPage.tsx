import { Alert, Breadcrumb, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { useSession } from '../../ui/session';
import { AuditHistory } from './AuditHistory';
import { DirectiveContext } from './DirectiveContext';
import { OfficeAssignments } from './OfficeAssignments';
import { ProgressForm } from './ProgressForm';
import { ReviewOutcome } from './ReviewOutcome';

/** #/task/<id>: the task in its directive's context; the office reports, the Sở reviews. */
export function TaskPage({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const session = useSession();
  const q = useOpQuery('tasks.get', { id });
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const detail = q.data;
  const isOffice = session.role === 'office';
  const mine = detail.row.assignments[0];
  const progress = isOffice ? detail.progress.find((p) => p.office === session.office.code) : undefined;
  const review = isOffice ? detail.reviews.find((r) => r.office === session.office.code) : undefined;
  return (
    <div data-testid="task-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          isOffice ? { title: <a href="#/tasks">{t('nav.tasks')}</a> } : { title: <a href={`#/dashboard/${encodeURIComponent(detail.directive.id)}`}>{t('nav.dashboard')}</a> },
          { title: t('task.breadcrumb', { n: detail.row.task.order + 1 }) },
        ]}
      />
      <DirectiveContext directive={detail.directive} row={detail.row} showCountdown={isOffice} />
      {isOffice && <ReviewOutcome review={review} changed={mine?.changedSinceReview ?? false} />}
      {isOffice && <ProgressForm key={progress?.hlc ?? 'none'} taskId={id} requiredContents={detail.row.task.requiredContents} progress={progress} assignedOn={detail.directive.date} />}
      {!isOffice && <OfficeAssignments detail={detail} />}
      <AuditHistory entries={detail.audit} />
    </div>
  );
}
