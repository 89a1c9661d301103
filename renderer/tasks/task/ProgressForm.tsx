import { Alert, App, Button, Card, Form, Input, InputNumber, Radio } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES, type AttachmentMeta, type Progress, type ProgressStatus } from '../../../electron/contract/tasks';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { statusLabel } from '../labels';
import { AttachmentsInput } from './AttachmentsInput';
import { FiguresEditor, type FigureRow } from './FiguresEditor';
import { RequiredContentsInput } from './RequiredContentsInput';
import { RecordStatusBadge } from '../../sync/RecordStatusBadge';

interface ProgressValues {
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  reason: string;
  figures: FigureRow[];
  contents: Record<string, string>;
  attachments: AttachmentMeta[];
}

interface Props {
  taskId: string;
  requiredContents: string[];
  progress: Progress | undefined;
}

/** The office's progress on one task. Nothing is disabled: the core says what is missing. A save refreshes the task's views. */
export function ProgressForm({ taskId, requiredContents, progress }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const status = Form.useWatch('status', form) ?? progress?.status ?? 'notStarted';
  const saving = useOpMutation('progress.save');

  const initialValues: ProgressValues = {
    status: progress?.status ?? 'notStarted',
    percent: progress?.percent ?? null,
    narrative: progress?.narrative ?? '',
    reason: progress?.reason ?? '',
    figures: progress?.figures ?? [],
    contents: progress?.requiredContents ?? {},
    attachments: progress?.attachments ?? [],
  };

  // A figure needs both its label and its value; the rest is the core's to judge.
  const figuresComplete = (_: unknown, figures: FigureRow[] = []): Promise<void> => {
    const incomplete = figures.findIndex((f) => (f.label.trim() === '') !== (f.value === null));
    return incomplete < 0 ? Promise.resolve() : Promise.reject(new Error(t('progress.figureIncomplete', { row: incomplete + 1 })));
  };

  const save = (): void => {
    saving.reset();
    form.validateFields().then(
      () => {
        // All values, also those of fields hidden by the current status (the store keeps them).
        const v: ProgressValues = form.getFieldsValue(true);
        saving.mutate(
          {
            taskId,
            status: v.status,
            percent: v.status === 'notStarted' ? null : v.status === 'done' ? 100 : v.percent,
            narrative: v.narrative,
            reason: v.status === 'cannotDo' ? v.reason : '',
            figures: v.figures.filter((f) => f.label.trim() && f.value !== null).map((f) => ({ label: f.label.trim(), value: f.value as number, unit: f.unit.trim() })),
            requiredContents: Object.fromEntries(requiredContents.map((k) => [k, v.contents[k] ?? ''])),
            attachmentIds: v.attachments.map((a) => a.id),
          },
          { onSuccess: () => message.success(t('progress.saved')) },
        );
      },
      () => undefined, // the failing field shows its own message
    );
  };

  return (
    <Card title={t('progress.title')} extra={progress ? <RecordStatusBadge id={progress.id} /> : null} style={{ marginBottom: 16 }} data-testid="progress-form">
      <Form form={form} initialValues={initialValues} layout="vertical" requiredMark={false} component="div">
        <Form.Item name="status" label={t('progress.status')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={PROGRESS_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            data-testid="progress-status"
          />
        </Form.Item>
        {status === 'cannotDo' && (
          <Form.Item name="reason" label={t('progress.reason')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="progress-reason" />
          </Form.Item>
        )}
        {status !== 'done' && status !== 'notStarted' && (
          <Form.Item name="percent" label={t('progress.percent')}>
            <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} data-testid="progress-percent" />
          </Form.Item>
        )}
        <Form.Item name="narrative" label={t('progress.narrative')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('progress.narrativePlaceholder')} data-testid="progress-narrative" />
        </Form.Item>
        {requiredContents.length > 0 && (
          <Form.Item name="contents" label={t('progress.requiredContents')}>
            <RequiredContentsInput items={requiredContents} />
          </Form.Item>
        )}
        <Form.Item name="figures" label={t('progress.figures')} rules={[{ validator: figuresComplete }]} validateTrigger={[]}>
          <FiguresEditor />
        </Form.Item>
        <Form.Item name="attachments" label={t('progress.attachments')}>
          <AttachmentsInput taskId={taskId} />
        </Form.Item>
      </Form>
      {saving.error && <Alert type="error" showIcon title={errorText(t, saving.error)} style={{ marginBottom: 12 }} data-testid="progress-error" />}
      <Button type="primary" size="large" icon={<SaveOutlined />} loading={saving.isPending} onClick={save} data-testid="progress-save">
        {t('common:save')}
      </Button>
    </Card>
  );
}
