import { Alert, Button, Card, Descriptions, Space, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined, BarChartOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../electron/contract/tasks';
import { unitByCode } from '../../../electron/domain/org';
import { useOpQuery } from '../../api/hooks';
import { formatDate } from '../../i18n/format';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import { deadlineLabel, directiveTypeLabel, numberSymbol } from '../labels';

/**
 * #/directive/<id>: a directive as it was issued, to read. Clicking a title lands here, never in
 * the editor: editing (and "Xóa văn bản", which lives only in the editor) is an action the Sở
 * chooses. An office reads the directives it received here too, with only its own tasks.
 */
export function DirectiveViewPage({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const session = useSession();
  const q = useOpQuery('directives.get', { id });
  const profile = useOpQuery('app.profile', {});
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const { directive, tasks } = q.data;
  const isSo = session.role === 'so';
  const unitName = (code: string): string => (profile.data ? (unitByCode(profile.data, code)?.shortName ?? code) : code);
  const mine = isSo ? tasks : tasks.filter((task) => task.assignees.includes(session.office.code));
  return (
    <div data-testid="directive-view">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(isSo ? 'directives' : 'tasks')} style={{ paddingInline: 0 }}>
          {isSo ? t('directives.title') : t('nav.tasks')}
        </Button>
      </Space>
      <Card
        title={directiveTypeLabel(t, directive.type)}
        extra={
          isSo && (
            <Space wrap>
              <Button icon={<BarChartOutlined />} onClick={() => navigate('dashboard', directive.id)}>
                {t('directives.openDashboard')}
              </Button>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('directive', directive.id, 'edit')} data-testid="directive-edit">
                {t('view.edit')}
              </Button>
            </Space>
          )
        }
        style={{ marginBottom: 16 }}
      >
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="directive-title">
          {directive.title}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: t('meta.numberSymbol'), children: numberSymbol(directive) || t('directives.noNumber') },
            { key: 'date', label: t('meta.date'), children: formatDate(directive.date) || '—' },
            { key: 'issuer', label: t('meta.issuingBody'), children: [directive.parentBody, directive.issuingBody].filter(Boolean).join(' — ') || '—' },
            { key: 'place', label: t('meta.place'), children: directive.place || '—' },
            { key: 'signer', label: t('meta.signer'), children: [directive.signerTitle, directive.signer].filter(Boolean).join(' — ') || '—' },
          ]}
        />
      </Card>
      <Card title={t('editor.tasksTitle', { count: mine.length })} style={{ marginBottom: 16 }}>
        <Table<Task>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={mine}
          data-testid="directive-view-tasks"
          columns={[
            { title: '#', key: 'n', width: 48, render: (_, _task, i) => i + 1 },
            {
              title: t('editor.content'),
              key: 'content',
              render: (_, task) => (
                <a href={`#/task/${encodeURIComponent(task.id)}`} data-testid="directive-view-task">
                  {task.content}
                </a>
              ),
            },
            ...(isSo
              ? [
                  {
                    title: t('editor.assignees'),
                    key: 'assignees',
                    width: 240,
                    render: (_: unknown, task: Task) => (task.assignees.length > 3 ? t('view.units', { count: task.assignees.length }) : task.assignees.map(unitName).join(', ')),
                  },
                ]
              : []),
            { title: t('editor.deadline'), key: 'deadline', width: 200, render: (_, task) => deadlineLabel(t, task.deadline) },
          ]}
        />
      </Card>
      {directive.text.trim() && (
        <Card title={t('meta.text')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="directive-text">
            {directive.text}
          </Typography.Paragraph>
        </Card>
      )}
    </div>
  );
}
