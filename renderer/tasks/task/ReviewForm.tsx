import { Alert, App, Button, Form, Input, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';

/** The Sở accepts a completion or returns it with a comment; the saved review refreshes the task's views. */
export function ReviewForm({ taskId, office }: { taskId: string; office: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const saving = useOpMutation('reviews.save');
  const busy = saving.isPending ? saving.variables.outcome : null;
  const save = (outcome: 'accepted' | 'returned'): void => {
    saving.mutate(
      { taskId, office, outcome, comment: form.getFieldsValue().comment },
      { onSuccess: () => message.success(outcome === 'accepted' ? t('review.savedAccepted') : t('review.savedReturned')) },
    );
  };
  return (
    <div className="sv-review-form" data-testid={`review-form-${office}`}>
      {saving.error && <Alert type="error" showIcon title={errorText(t, saving.error)} style={{ marginBottom: 8 }} />}
      {/* Starts empty: the earlier comment is shown above (ReviewOutcome), and carrying it into a
          new decision would accept with the words of a return. */}
      <Form form={form} initialValues={{ comment: '' }} component={false}>
        <Form.Item name="comment" noStyle>
          <Input.TextArea placeholder={t('review.commentPlaceholder')} autoSize={{ minRows: 2, maxRows: 6 }} style={{ marginBottom: 8 }} data-testid="review-comment" />
        </Form.Item>
      </Form>
      <Space>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'accepted'} onClick={() => save('accepted')} data-testid="review-accept">
          {t('review.accept')}
        </Button>
        <Button danger icon={<RollbackOutlined />} loading={busy === 'returned'} onClick={() => save('returned')} data-testid="review-return">
          {t('review.return')}
        </Button>
      </Space>
    </div>
  );
}
