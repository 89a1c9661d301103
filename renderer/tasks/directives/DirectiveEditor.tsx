import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Spin, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldDef, Directive, Task } from '../../../electron/contract/tasks';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { DirectiveMetaForm } from './DirectiveMetaForm';
import { ExtractWarnings } from './ExtractWarnings';
import { TaskGroupsEditor } from './TaskGroupsEditor';
import { applyBeforeReading, draftIssues, hasBeforeDeadlines, toSaveInput, undecidedMeta, type BeforeReading, type Draft, type DraftIssue, type Proposal } from './draft';
import { saveErrorText } from './saveError';

interface Props {
  initial: Draft;
  directiveId?: string;
  /** Present when the draft was read from a pasted notice. */
  proposal?: Proposal;
  title: string;
  onSaved: (saved: { directive: Directive; tasks: Task[] }) => void;
  onCancel: () => void;
  /** Shown above the form: the text read from an opened file. */
  beside?: React.ReactNode;
}

/** Create, edit, or review a pasted notice: metadata and tasks; nothing is stored until Lưu. */
export function DirectiveEditor({ initial, directiveId, proposal, title, onSaved, onCancel, beside }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const profile = useOpQuery('app.profile', {});
  const fieldsQuery = useOpQuery('fields.list', {});
  const [fieldsOverride, setFields] = useState<FieldDef[] | null>(null);
  const fields = fieldsOverride ?? fieldsQuery.data ?? [];
  const [draft, setDraft] = useState<Draft>(initial);
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  // "trước ngày X" read strictly (due X − 1) unless the officer says the office reads it as X.
  const [beforeReading, setBeforeReading] = useState<BeforeReading>('dayBefore');
  const saving = useOpMutation('directives.save');
  const undecided = useMemo(() => undecidedMeta(proposal), [proposal]);

  const save = (): void => {
    const found = draftIssues(draft);
    setIssues(found);
    setError(null);
    if (found.length > 0) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    const input = toSaveInput(profile.data, draft);
    saving.mutate(
      { ...(directiveId ? { id: directiveId } : {}), ...input },
      {
        onSuccess: (saved) => {
          message.success(t('editor.saved', { count: saved.tasks.length }));
          onSaved(saved);
        },
        onError: (e) => {
          setError(saveErrorText(t, e));
          window.scrollTo({ top: 0, behavior: 'smooth' });
        },
      },
    );
  };

  if (!profile.data) return <Spin />;
  const titleIssue = issues.some((i) => i.kind === 'title') ? t('errors.titleRequired') : null;
  return (
    <div className="sv-editor" data-testid="directive-editor">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {proposal && <ExtractWarnings proposal={proposal} />}
      {beside}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="save-error" />}
      {issues.length > 0 && (
        <Alert type="error" showIcon title={t('editor.issues.title', { count: issues.length })} style={{ marginBottom: 16 }} data-testid="draft-issues" />
      )}
      <Card title={t('editor.metaTitle')} style={{ marginBottom: 16 }}>
        <DirectiveMetaForm value={draft.directive} onChange={(d) => setDraft({ ...draft, directive: d })} undecided={undecided} titleError={titleIssue} />
      </Card>
      <Card title={t('editor.tasksTitle', { count: draft.tasks.length })} style={{ marginBottom: 16 }}>
        {hasBeforeDeadlines(draft.tasks) && (
          <div className="sv-before-reading" data-testid="before-reading">
            <Typography.Text strong>{t('editor.beforeReading.label')}</Typography.Text>{' '}
            <Radio.Group
              value={beforeReading}
              onChange={(e) => {
                const r = e.target.value as BeforeReading;
                setBeforeReading(r);
                setDraft({ ...draft, tasks: applyBeforeReading(draft.tasks, r) });
              }}
            >
              <Radio value="dayBefore" data-testid="before-day-before">
                {t('editor.beforeReading.dayBefore')}
              </Radio>
              <Radio value="sameDay" data-testid="before-same-day">
                {t('editor.beforeReading.sameDay')}
              </Radio>
            </Radio.Group>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {t('editor.beforeReading.help')}
            </Typography.Text>
          </div>
        )}
        <TaskGroupsEditor
          tasks={draft.tasks}
          onChange={(tasks) => setDraft({ ...draft, tasks })}
          profile={profile.data}
          fields={fields}
          onFieldsChange={setFields}
          issues={issues}
          openOn={draft.directive.date}
        />
      </Card>
      <div className="sv-savebar">
        <Space>
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={saving.isPending} onClick={save} data-testid="save-directive">
            {t('common:save')}
          </Button>
          <Button size="large" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          {proposal && <span className="muted">{t('paste.nothingSaved')}</span>}
        </Space>
      </div>
    </div>
  );
}
