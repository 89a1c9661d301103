import { App, Button, Input } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportOpen } from '../../../electron/contract/reports';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';

export interface ReviewActionsProps {
  data: ReportOpen;
  fieldComments: Record<string, string>;
  onSaved: (next: ReportOpen) => void;
}

/** The Sở accepts a received report (it is then locked) or returns it with comments per field. */
export function ReviewActions({ data, fieldComments, onSaved }: ReviewActionsProps): React.JSX.Element | null {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  // Starts empty: the earlier review's comment is in the header; a new decision gets its own words.
  const [comment, setComment] = useState('');
  const reviewing = useOpMutation('reports.review');
  const busy = reviewing.isPending;
  if (data.report?.status !== 'complete') return null;

  const review = (outcome: 'accepted' | 'returned'): void =>
    reviewing.mutate(
      {
        formId: data.form.formId,
        period: data.period,
        office: data.office.code,
        outcome,
        comment,
        fieldComments: outcome === 'returned' ? fieldComments : {},
      },
      {
        onSuccess: (next) => {
          setComment('');
          onSaved(next);
          void message.success(outcome === 'accepted' ? t('review.acceptedDone') : t('review.returnedDone'));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );

  return (
    <div className="rp-actions">
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('review.generalPlaceholder')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        style={{ flex: '1 1 320px' }}
        data-testid="review-comment"
      />
      <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => review('accepted')} data-testid="accept-report">
        {t('review.accept')}
      </Button>
      <Button danger icon={<RollbackOutlined />} loading={busy} onClick={() => review('returned')} data-testid="return-report">
        {t('review.return')}
      </Button>
    </div>
  );
}
