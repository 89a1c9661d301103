import { Button, Empty, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../electron/contract';
import type { FieldDef } from '../../../electron/contract/tasks';
import { TaskEditorCard } from './TaskEditorCard';
import { groupByField, newTask, type DraftIssue, type DraftTask } from './draft';

interface Props {
  tasks: DraftTask[];
  onChange: (tasks: DraftTask[]) => void;
  profile: Output<'app.profile'>;
  /** The directive's date: empty deadline pickers open on its month (2022 deadlines typed in 2026). */
  openOn: string | null;
  fields: FieldDef[];
  onFieldsChange: (f: FieldDef[]) => void;
  issues: DraftIssue[];
}

/** The directive's tasks grouped by lĩnh vực; changing a task's field moves it to that group. */
export function TaskGroupsEditor({ tasks, onChange, profile, fields, onFieldsChange, issues, openOn }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const groups = groupByField(tasks);
  const fieldName = (code: string | null): string => (code ? (fields.find((f) => f.code === code)?.name ?? code) : t('editor.noField'));
  const update = (next: DraftTask): void => onChange(tasks.map((x) => (x.key === next.key ? next : x)));
  const remove = (key: string): void => onChange(tasks.filter((x) => x.key !== key));
  const addTo = (field: string | null): void => {
    const last = [...tasks].reverse().find((x) => x.field === field);
    const at = last ? tasks.indexOf(last) + 1 : tasks.length;
    onChange([...tasks.slice(0, at), newTask(field), ...tasks.slice(at)]);
  };
  const errorsFor = (n: number): { content?: string; assignees?: string; deadline?: string } => {
    const out: { content?: string; assignees?: string; deadline?: string } = {};
    for (const i of issues) {
      if (i.kind === 'title' || i.task !== n) continue;
      if (i.kind === 'content') out.content = t('editor.issues.content', { task: n });
      if (i.kind === 'assignees') out.assignees = t('editor.issues.assignees', { task: n });
      if (i.kind === 'deadlineDate') out.deadline = t('editor.issues.deadlineDate', { task: n });
    }
    return out;
  };

  let n = 0;
  return (
    <div data-testid="task-groups">
      {groups.length === 0 && <Empty description={t('editor.noTasks')} />}
      {groups.map((g) => (
        <section key={g.field ?? '-'} className="sv-field-group" data-testid="field-group">
          <Typography.Title level={5} className="sv-field-title">
            {fieldName(g.field)} <span className="muted">({g.tasks.length})</span>
          </Typography.Title>
          {g.tasks.map((task) => {
            n += 1;
            return (
              <TaskEditorCard
                key={task.key}
                task={task}
                openOn={openOn}
                number={n}
                profile={profile}
                fields={fields}
                onFieldsChange={onFieldsChange}
                onChange={update}
                onRemove={() => remove(task.key)}
                errors={errorsFor(n)}
              />
            );
          })}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => addTo(g.field)}>
            {t('editor.addTaskInField')}
          </Button>
        </section>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => addTo(null)} block style={{ marginTop: 12 }} data-testid="add-task">
        {t('editor.addTask')}
      </Button>
    </div>
  );
}
