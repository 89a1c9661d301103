import { useState } from 'react';
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

interface Props {
  taskId: string;
  requiredContents: string[];
  progress: Progress | undefined;
}

/** The office's progress on one task. Nothing is disabled: the core says what is missing. A save refreshes the task's views. */
export function ProgressForm({ taskId, requiredContents, progress }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const [status, setStatus] = useState<ProgressStatus>(progress?.status ?? 'notStarted');
  const [percent, setPercent] = useState<number | null>(progress?.percent ?? null);
  const [narrative, setNarrative] = useState(progress?.narrative ?? '');
  const [reason, setReason] = useState(progress?.reason ?? '');
  const [figures, setFigures] = useState<FigureRow[]>(progress?.figures ?? []);
  const [contents, setContents] = useState<Record<string, string>>(progress?.requiredContents ?? {});
  const [attachments, setAttachments] = useState<AttachmentMeta[]>(progress?.attachments ?? []);
  const [error, setError] = useState<string | null>(null);
  const saving = useOpMutation('progress.save');

  const save = (): void => {
    setError(null);
    const incomplete = figures.findIndex((f) => (f.label.trim() === '') !== (f.value === null));
    if (incomplete >= 0) {
      setError(t('progress.figureIncomplete', { row: incomplete + 1 }));
      return;
    }
    saving.mutate(
      {
          taskId,
          status,
          percent: status === 'notStarted' ? null : status === 'done' ? 100 : percent,
          narrative,
          reason: status === 'cannotDo' ? reason : '',
          figures: figures.filter((f) => f.label.trim() && f.value !== null).map((f) => ({ label: f.label.trim(), value: f.value as number, unit: f.unit.trim() })),
          requiredContents: Object.fromEntries(requiredContents.map((k) => [k, contents[k] ?? ''])),
          attachmentIds: attachments.map((a) => a.id),
      },
      {
        onSuccess: () => message.success(t('progress.saved')),
        onError: (e) => setError(errorText(t, e)),
      },
    );
  };

  return (
    <Card title={t('progress.title')} extra={progress ? <RecordStatusBadge id={progress.id} /> : null} style={{ marginBottom: 16 }} data-testid="progress-form">
      <Form layout="vertical" requiredMark={false} component="div">
        <Form.Item label={t('progress.status')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProgressStatus)}
            options={PROGRESS_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            data-testid="progress-status"
          />
        </Form.Item>
        {status === 'cannotDo' && (
          <Form.Item label={t('progress.reason')}>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="progress-reason" />
          </Form.Item>
        )}
        {status !== 'done' && status !== 'notStarted' && (
          <Form.Item label={t('progress.percent')}>
            <InputNumber<number> min={0} max={100} precision={0} value={percent} onChange={(v) => setPercent(v ?? null)} suffix="%" style={{ width: 140 }} data-testid="progress-percent" />
          </Form.Item>
        )}
        <Form.Item label={t('progress.narrative')}>
          <Input.TextArea value={narrative} onChange={(e) => setNarrative(e.target.value)} autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('progress.narrativePlaceholder')} data-testid="progress-narrative" />
        </Form.Item>
        {requiredContents.length > 0 && (
          <Form.Item label={t('progress.requiredContents')}>
            <RequiredContentsInput items={requiredContents} value={contents} onChange={setContents} />
          </Form.Item>
        )}
        <Form.Item label={t('progress.figures')}>
          <FiguresEditor value={figures} onChange={setFigures} />
        </Form.Item>
        <Form.Item label={t('progress.attachments')}>
          <AttachmentsInput taskId={taskId} value={attachments} onChange={setAttachments} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="progress-error" />}
      <Button type="primary" size="large" icon={<SaveOutlined />} loading={saving.isPending} onClick={save} data-testid="progress-save">
        {t('common:save')}
      </Button>
    </Card>
  );
}
