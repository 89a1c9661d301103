import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewOutcome } from '../../electron/contract/tasks';
import { reviewLabel } from './labels';

/** The Sở's review of a completion, as both sides see it; nothing when not reviewed yet. */
export function ReviewTag({ outcome, changed }: { outcome: ReviewOutcome | null; changed?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation('tasks');
  if (!outcome) return null;
  const tag = (
    <Tag color={outcome === 'accepted' ? 'green' : 'red'} data-testid="review-tag">
      {reviewLabel(t, outcome)}
      {changed ? ' *' : ''}
    </Tag>
  );
  return changed ? <Tooltip title={t('review.changedSince')}>{tag}</Tooltip> : tag;
}
