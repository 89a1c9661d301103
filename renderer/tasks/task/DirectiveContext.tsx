import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Directive, TaskRow } from '../../../electron/contract/tasks';
import { formatDate } from '../../i18n/format';
import { DueTag } from '../DueTag';
import { deadlineLabel, directiveTypeLabel, numberSymbol } from '../labels';

/** The directive a task came from, and the task itself: what the officer must do, by when. */
export function DirectiveContext({ directive, row, showCountdown }: { directive: Directive; row: TaskRow; showCountdown: boolean }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const task = row.task;
  const due = row.assignments[0]?.due;
  return (
    <Card style={{ marginBottom: 16 }} data-testid="task-context">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('task.directive')}
        items={[
          { key: 'type', label: t('meta.type'), children: directiveTypeLabel(t, directive.type) },
          { key: 'no', label: t('meta.numberSymbol'), children: numberSymbol(directive) || t('directives.noNumber') },
          { key: 'date', label: t('meta.date'), children: formatDate(directive.date) || '—' },
          { key: 'signer', label: t('meta.signer'), children: [directive.signerTitle, directive.signer].filter(Boolean).join(' — ') || '—' },
          { key: 'title', label: t('meta.title'), span: 2, children: directive.title },
        ]}
      />
      <div className="sv-task-body">
        <Typography.Text type="secondary">{t('task.content')}</Typography.Text>
        <Typography.Paragraph className="sv-task-content" data-testid="task-content-text">
          {task.content}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'field', label: t('editor.field'), children: row.fieldName ? <Tag>{row.fieldName}</Tag> : '—' },
            {
              key: 'deadline',
              label: t('editor.deadline'),
              children: (
                <span>
                  {deadlineLabel(t, task.deadline)}{' '}
                  {/* "Không có hạn" / "Thường xuyên" already say it all; a countdown only for a date. */}
                  {showCountdown && due && (task.deadline.kind === 'date' || task.deadline.kind === 'recurring') && <DueTag due={due} />}
                  {task.deadline.kind !== 'none' && task.deadline.text && <div className="muted">{t('deadline.words', { text: task.deadline.text })}</div>}
                </span>
              ),
            },
          ]}
        />
        {task.requiredContents.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('task.requiredContents', { count: task.requiredContents.length })}</Typography.Text>
            <ol className="sv-required-list">
              {task.requiredContents.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </Card>
  );
}
