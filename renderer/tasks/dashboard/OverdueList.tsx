import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../electron/contract/tasks';
import { formatDate } from '../../i18n/format';

type Item = Dashboard['overdue'][number];
interface Row {
  taskId: string;
  content: string;
  directiveTitle: string;
  deadline: string;
  days: number;
  offices: Array<{ code: string; name: string }>;
}

/** Overdue assignments grouped by task: one line per task, with the offices to call. */
export function groupOverdue(items: Item[]): Row[] {
  const rows = new Map<string, Row>();
  for (const o of items) {
    const row = rows.get(o.task.id) ?? {
      taskId: o.task.id,
      content: o.task.content,
      directiveTitle: o.directiveTitle,
      deadline: o.task.deadline.kind === 'date' ? o.task.deadline.date : '',
      days: o.days,
      offices: [],
    };
    row.days = Math.max(row.days, o.days);
    row.offices.push({ code: o.office, name: o.officeName });
    rows.set(o.task.id, row);
  }
  return [...rows.values()].sort((a, b) => b.days - a.days);
}

/** "Cần đôn đốc": tasks past their deadline, longest overdue first, with who has not finished. */
export function OverdueList({ rows }: { rows: Item[] }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noOverdue')} />;
  const data = groupOverdue(rows);
  return (
    <Table<Row>
      size="small"
      rowKey="taskId"
      tableLayout="fixed"
      dataSource={data}
      pagination={data.length > 10 ? { pageSize: 10 } : false}
      data-testid="overdue-list"
      columns={[
        {
          title: t('matrix.task'),
          key: 'task',
          render: (_, r) => (
            <div>
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.content }} style={{ marginBottom: 2 }}>
                <a href={`#/task/${encodeURIComponent(r.taskId)}`}>{r.content}</a>
              </Typography.Paragraph>
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.directiveTitle }} style={{ fontSize: 12, maxWidth: '100%' }}>
                {r.directiveTitle}
              </Typography.Text>
            </div>
          ),
        },
        { title: t('list.colDeadline'), key: 'deadline', width: 110, render: (_, r) => formatDate(r.deadline) },
        { title: t('counts.overdue'), key: 'days', width: 136, render: (_, r) => <Tag color="red">{t('directives:due.overdue', { count: r.days })}</Tag> },
        {
          title: t('dashboard.officesToChase'),
          key: 'offices',
          width: '34%',
          render: (_, r) => (
            <div className="sv-chase-offices">
              {r.offices.map((o) => (
                <Tag key={o.code}>{o.name}</Tag>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
