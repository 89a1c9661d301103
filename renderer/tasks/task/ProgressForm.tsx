import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
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
  /** The day the task was really finished (not the day it is typed in). */
  completedOn: Dayjs | null;
  reportNumber: string;
  reportDate: Dayjs | null;
}

interface Props {
  taskId: string;
  requiredContents: string[];
  progress: Progress | undefined;
  /** The directive's date: the completion date picker opens on it when nothing is recorded. */
  assignedOn?: string | null;
}

/** The office's progress on one task. Nothing is disabled: the core says what is missing. A save refreshes the task's views. */
export function ProgressForm({ taskId, requiredContents, progress, assignedOn = null }: Props): React.JSX.Element {
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
    completedOn: progress?.completedOn ? dayjs(progress.completedOn) : null,
    reportNumber: progress?.reportRef?.number ?? '',
    reportDate: progress?.reportRef?.date ? dayjs(progress.reportRef.date) : null,
  };
  const openOn = progress?.completedOn ?? assignedOn;

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
            completedOn: v.status === 'done' && v.completedOn ? v.completedOn.format('YYYY-MM-DD') : null,
            ...(v.status === 'done' && (v.reportNumber.trim() || v.reportDate)
              ? { reportRef: { number: v.reportNumber.trim(), date: v.reportDate ? v.reportDate.format('YYYY-MM-DD') : null } }
              : {}),
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
        {status === 'done' && (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="completedOn" label={t('progress.completedOn')} extra={t('progress.completedOnHelp')}>
                <DatePicker
                  format="DD/MM/YYYY"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  {...(openOn ? { defaultPickerValue: dayjs(openOn) } : {})}
                  data-testid="progress-completed-on"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="reportNumber" label={t('progress.reportNumber')}>
                <Input maxLength={60} placeholder="312/BC-LĐTBXH" data-testid="progress-report-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="reportDate" label={t('progress.reportDate')}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} {...(openOn ? { defaultPickerValue: dayjs(openOn) } : {})} data-testid="progress-report-date" />
              </Form.Item>
            </Col>
          </Row>
        )}
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
