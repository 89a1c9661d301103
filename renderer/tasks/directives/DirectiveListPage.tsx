import { Alert, App, Button, Dropdown, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { BarChartOutlined, EditOutlined, FileAddOutlined, FileTextOutlined, MoreOutlined, SnippetsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DirectiveSummary } from '../../../electron/contract/tasks';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { formatDate } from '../../i18n/format';
import { directiveTypeLabel, numberSymbol } from '../labels';

/** Sở: the directives issued, each with "x/y hoàn thành" and its overdue count. */
export function DirectiveListPage(): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const list = useOpQuery('directives.list', {});
  const sample = useOpMutation('directives.loadSample');
  const rows = list.data ?? [];

  const loadSample = (): void => sample.mutate({}, { onSuccess: (r) => message.success(t('directives.sampleLoaded', { count: r.tasks.length })) });

  const sampleButton = (
    <Button icon={<FileTextOutlined />} loading={sample.isPending} onClick={loadSample} data-testid="load-sample">
      {t('directives.loadSample')}
    </Button>
  );

  return (
    <div>
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('directives.title')}
        </Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<SnippetsOutlined />} onClick={() => navigate('paste')} data-testid="paste-notice">
            {t('directives.paste')}
          </Button>
          <Button icon={<FileAddOutlined />} onClick={() => navigate('directive', 'new')} data-testid="new-directive">
            {t('directives.add')}
          </Button>
          {rows.length === 0 && !list.isFetching ? (
            sampleButton
          ) : (
            <Dropdown
              menu={{ items: [{ key: 'sample', icon: <FileTextOutlined />, label: t('directives.loadSample') }], onClick: loadSample }}
              trigger={['click']}
            >
              <Button icon={<MoreOutlined />} aria-label={t('directives.more')} data-testid="directives-more" />
            </Dropdown>
          )}
        </Space>
      </div>
      {sample.error && <Alert type="error" showIcon title={errorText(t, sample.error)} style={{ marginBottom: 16 }} />}
      {list.error && <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
      <Table<DirectiveSummary>
        rowKey={(r) => r.directive.id}
        dataSource={rows}
        loading={list.isFetching}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description={t('directives.empty')} /> }}
        data-testid="directive-table"
        // Number, date and type share the first column and the overdue count sits with the progress,
        // so the summary line keeps room to be read on a 1024-pixel screen.
        columns={[
          {
            title: t('directives.colNumberDate'),
            key: 'no',
            width: 170,
            render: (_, r) => (
              <>
                <div>{numberSymbol(r.directive) || <span className="muted">{t('directives.noNumber')}</span>}</div>
                <div className="muted">{formatDate(r.directive.date)}</div>
                <div className="muted">{directiveTypeLabel(t, r.directive.type)}</div>
              </>
            ),
          },
          {
            title: t('directives.colTitle'),
            key: 'title',
            render: (_, r) => (
              <a href={`#/directive/${encodeURIComponent(r.directive.id)}`} data-testid="directive-link">
                {r.directive.title}
              </a>
            ),
          },
          {
            title: t('directives.colProgress'),
            key: 'progress',
            width: 220,
            render: (_, r) => (
              <div>
                <div>{t('directives.tasksDoneOf', { done: r.taskDoneCount, total: r.taskCount, doneA: r.doneCount, totalA: r.assignmentCount })}</div>
                <Progress percent={r.assignmentCount ? Math.round((r.doneCount / r.assignmentCount) * 100) : 0} size="small" showInfo={false} />
                <div className="muted">
                  {t('directives.taskCount', { count: r.taskCount })}{' '}
                  {r.overdueCount > 0 && (
                    <Tag color="red" data-testid="directive-overdue">
                      {t('directives.overdueCount', { count: r.overdueCount })}
                    </Tag>
                  )}
                </div>
              </div>
            ),
          },
          {
            key: 'actions',
            width: 88,
            render: (_, r) => (
              <Space size={0}>
                <Button type="text" icon={<BarChartOutlined />} title={t('directives.openDashboard')} onClick={() => navigate('dashboard', r.directive.id)} />
                <Button type="text" icon={<EditOutlined />} title={t('common:edit')} onClick={() => navigate('directive', r.directive.id, 'edit')} />
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
