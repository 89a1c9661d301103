import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../electron/contract/tasks';
import { formatDateTime } from '../../i18n/format';

/** The Sở's review as a banner: accepted, or returned with what to add. */
export function ReviewOutcome({ review, changed }: { review: Review | undefined; changed: boolean }): React.JSX.Element | null {
  const { t } = useTranslation('tasks');
  if (!review) return null;
  const who = t('review.by', { who: review.reviewedBy, when: formatDateTime(review.reviewedAt) });
  return (
    <Alert
      type={review.outcome === 'accepted' ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="review-outcome"
      title={review.outcome === 'accepted' ? t('review.acceptedBanner') : t('review.returnedBanner')}
      description={
        <>
          {review.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{t('review.comment', { comment: review.comment })}</div>}
          <div className="muted">{who}</div>
          {changed && <div className="muted">{t('review.changedSince')}</div>}
        </>
      }
    />
  );
}
