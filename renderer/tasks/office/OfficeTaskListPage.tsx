import { useState } from 'react';
import { Alert, App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES, type ProgressStatus, type TaskFilter, type TaskRow } from '../../../electron/contract/tasks';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { saveFile } from '../../ui/saveFile';
import { DueTag } from '../DueTag';
import { ReviewTag } from '../ReviewTag';
import { StatusTag } from '../StatusTag';
import { deadlineLabel, directiveRef } from '../labels';
import { TaskFilters } from './TaskFilters';

/** Filter from the route: #/tasks/due/overdue, #/tasks/status/inProgress, #/tasks/directive/<id>. */
export function filterFromParams(params: string[]): TaskFilter {
  const [k, v] = params;
  if (k === 'due' && (v === 'overdue' || v === 'dueSoon')) return { due: v };
  if (k === 'status' && PROGRESS_STATUSES.includes(v as ProgressStatus)) return { status: v as ProgressStatus };
  if (k === 'directive' && v) return { directiveId: v };
  return {};
}

/** Office: the tasks assigned to this office, with countdowns, status and the Sở's review. */
export function OfficeTaskListPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const [filter, setFilter] = useState<TaskFilter>(() => filterFromParams(params));
  const rows = useOpQuery('tasks.list', filter);
  const fields = useOpQuery('fields.list', {});
  const exporting = useOpMutation('exports.officeTasksXlsx');
  const data = rows.data ?? [];
  const dirOfFilter = filter.directiveId ? data.find((r) => r.directive.id === filter.directiveId)?.directive : undefined;

  const exportXlsx = (): void =>
    exporting.mutate({}, {
      onSuccess: (file) => {
        saveFile(file);
        message.success(t('list.exported'));
      },
    });

  return (
    <div>
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={exportXlsx} data-testid="export-xlsx">
            {t('list.exportXlsx')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate('print', 'progress')} data-testid="print-report">
            {t('list.printReport')}
          </Button>
        </Space>
      </div>
      {exporting.error && <Alert type="error" showIcon title={errorText(t, exporting.error)} style={{ marginBottom: 16 }} />}
      {rows.error && <Alert type="error" showIcon title={errorText(t, rows.error)} style={{ marginBottom: 16 }} />}
      <TaskFilters value={filter} onChange={setFilter} fields={fields.data ?? []} {...(dirOfFilter ? { directiveLabel: directiveRef(t, dirOfFilter) } : {})} />
      <Table<TaskRow>
        rowKey={(r) => r.task.id}
        dataSource={data}
        loading={rows.isFetching}
        pagination={data.length > 30 ? { pageSize: 30 } : false}
        locale={{ emptyText: <Empty description={Object.keys(filter).length ? t('list.emptyFiltered') : t('list.empty')} /> }}
        data-testid="task-table"
        columns={[
          {
            title: t('list.colTask'),
            key: 'task',
            render: (_, r) => (
              <div>
                <a href={`#/task/${encodeURIComponent(r.task.id)}`} className="sv-task-link sv-clamp3" title={r.task.content} data-testid="task-link">
                  {r.task.content}
                </a>
                <div className="muted" style={{ marginTop: 4 }} title={r.directive.title}>
                  {directiveRef(t, r.directive)}
                </div>
              </div>
            ),
          },
          {
            title: t('list.colField'),
            key: 'field',
            width: 170,
            // A long field name wraps inside its tag instead of widening the column over the task text.
            render: (_, r) => (r.fieldName ? <Tag className="sv-wrap-tag">{r.fieldName}</Tag> : null),
          },
          {
            title: t('list.colDeadline'),
            key: 'deadline',
            width: 150,
            render: (_, r) => (
              <div>
                {(r.task.deadline.kind === 'date' || r.task.deadline.kind === 'recurring') && <div>{deadlineLabel(t, r.task.deadline)}</div>}
                {r.assignments[0] ? <DueTag due={r.assignments[0].due} /> : deadlineLabel(t, r.task.deadline)}
              </div>
            ),
          },
          {
            title: t('list.colStatus'),
            key: 'status',
            width: 170,
            render: (_, r) => {
              const a = r.assignments[0];
              if (!a) return null;
              return (
                <Space orientation="vertical" size={4}>
                  <StatusTag status={a.status} percent={a.percent} />
                  <ReviewTag outcome={a.review} changed={a.changedSinceReview} />
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}
