import { Alert, Button, Card, Col, Form, Input, Row, Tooltip, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../electron/contract';
import type { FieldDef } from '../../../electron/contract/tasks';
import { AssigneeSelect } from './AssigneeSelect';
import { DeadlineInput } from './DeadlineInput';
import { FieldSelect } from './FieldSelect';
import { HintItem } from './HintItem';
import { RequiredContentsEditor } from './RequiredContentsEditor';
import type { DraftTask } from './draft';

interface Props {
  task: DraftTask;
  number: number;
  profile: Output<'app.profile'>;
  fields: FieldDef[];
  onFieldsChange: (f: FieldDef[]) => void;
  onChange: (t: DraftTask) => void;
  onRemove: () => void;
  errors: { content?: string; assignees?: string; deadline?: string };
  /** The directive's date, where an empty deadline picker opens. */
  openOn: string | null;
}

/** One task of the directive: field, content, assigned offices, deadline, required contents. */
export function TaskEditorCard({ task, number, profile, fields, onFieldsChange, onChange, onRemove, errors, openOn }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const undecided = new Set(task.hint?.undecided ?? []);
  const set = <K extends keyof DraftTask>(k: K, v: DraftTask[K]): void => onChange({ ...task, [k]: v });
  // "No deadline" is a legitimate choice: once the officer touches the deadline it is decided.
  const setDeadline = (d: DraftTask['deadline']): void =>
    onChange({ ...task, deadline: d, ...(task.hint ? { hint: { ...task.hint, undecided: task.hint.undecided.filter((u) => u !== 'deadline') } } : {}) });
  return (
    <Card
      size="small"
      className="sv-task-card"
      data-testid="task-card"
      title={t('editor.taskNumber', { n: number })}
      extra={
        <Tooltip title={t('editor.removeTask')}>
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('editor.removeTask')} />
        </Tooltip>
      }
    >
      {task.hint?.warnings.map((w, i) => (
        <Alert key={i} type="warning" showIcon title={t(w.messageKey, w.params)} style={{ marginBottom: 8 }} data-testid="task-warning" />
      ))}
      <Form layout="vertical" requiredMark={false} component="div">
        <HintItem label={t('editor.content')} empty={!task.content.trim()} error={errors.content ?? null}>
          <Input.TextArea value={task.content} onChange={(e) => set('content', e.target.value)} autoSize={{ minRows: 2, maxRows: 10 }} data-testid="task-content" />
        </HintItem>
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <HintItem label={t('editor.field')} undecided={undecided.has('field')} empty={!task.field}>
              <FieldSelect value={task.field} onChange={(v) => set('field', v)} fields={fields} onFieldsChange={onFieldsChange} warn={undecided.has('field') && !task.field} />
            </HintItem>
          </Col>
          <Col xs={24} xl={14}>
            <HintItem
              label={t('editor.deadline')}
              undecided={undecided.has('deadline')}
              empty={task.deadline.kind === 'none'}
              error={errors.deadline ?? null}
              undecidedText={t('editor.noDeadlineFound')}
            >
              <DeadlineInput value={task.deadline} onChange={setDeadline} openOn={openOn} />
            </HintItem>
          </Col>
        </Row>
        <HintItem label={t('editor.assignees')} undecided={undecided.has('assignees')} empty={task.assignees.length === 0} error={errors.assignees ?? null}>
          <AssigneeSelect profile={profile} value={task.assignees} onChange={(v) => set('assignees', v)} warn={undecided.has('assignees') && task.assignees.length === 0} />
          {task.hint?.lead && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }} data-testid="task-lead-words">
              {t('editor.leadWords', { text: task.hint.lead })}
            </Typography.Text>
          )}
        </HintItem>
        <Form.Item label={t('editor.partners')} help={t('editor.partnersHelp')}>
          <AssigneeSelect
            profile={profile}
            value={task.partners}
            onChange={(v) => set('partners', v.filter((c) => !task.assignees.includes(c)))}
            testId="task-partners"
            placeholder={t('editor.partnersPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('editor.requiredContents')} help={t('editor.requiredHelp')} style={{ marginBottom: 0 }}>
          <RequiredContentsEditor value={task.requiredContents} onChange={(v) => set('requiredContents', v)} />
        </Form.Item>
      </Form>
    </Card>
  );
}
