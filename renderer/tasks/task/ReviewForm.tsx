import { useState } from 'react';
import { Alert, App, Button, Input, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../electron/contract/tasks';
import { call } from '../../api/client';
import { errorText } from '../../ui/errorText';

/** The Sở accepts a completion or returns it with a comment. */
export function ReviewForm({ taskId, office, review, onSaved }: { taskId: string; office: string; review: Review | undefined; onSaved: () => void }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const [comment, setComment] = useState(review?.comment ?? '');
  const [busy, setBusy] = useState<'accepted' | 'returned' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (outcome: 'accepted' | 'returned'): Promise<void> => {
    setBusy(outcome);
    setError(null);
    try {
      await call('reviews.save', { taskId, office, outcome, comment });
      message.success(outcome === 'accepted' ? t('review.savedAccepted') : t('review.savedReturned'));
      onSaved();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="sv-review-form" data-testid={`review-form-${office}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('review.commentPlaceholder')} autoSize={{ minRows: 2, maxRows: 6 }} style={{ marginBottom: 8 }} data-testid="review-comment" />
      <Space>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accepted'} onClick={() => void save('accepted')} data-testid="review-accept">
          {t('review.accept')}
        </Button>
        <Button danger icon={<RollbackOutlined />} loading={busy === 'returned'} onClick={() => void save('returned')} data-testid="review-return">
          {t('review.return')}
        </Button>
      </Space>
    </div>
  );
}
