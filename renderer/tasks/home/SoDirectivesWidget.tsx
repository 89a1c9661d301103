import { Card, Empty, List, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { directiveRef } from '../labels';

/** Sở home: each directive's "x/y hoàn thành" and overdue count, linking to its dashboard. */
export function SoDirectivesWidget(): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const q = useOpQuery('directives.list', {});
  const items = (q.data ?? []).slice(0, 8);
  return (
    <Card title={t('home.soTitle')} loading={q.isPending} extra={<a href="#/directives">{t('home.allDirectives')}</a>} data-testid="home-so-directives">
      {items.length === 0 ? (
        <Empty
          description={
            <>
              <div>{t('directives.empty')}</div>
              <a href="#/directives">{t('home.startHere')}</a>
            </>
          }
        />
      ) : (
        <List
          dataSource={items}
          renderItem={(s) => (
            <List.Item
              extra={
                <div style={{ width: 200 }}>
                  <div>
                    <strong>{t('directives.tasksDoneOf', { done: s.taskDoneCount, total: s.taskCount, doneA: s.doneCount, totalA: s.assignmentCount })}</strong>{' '}
                    {s.overdueCount > 0 && <Tag color="red">{t('directives.overdueCount', { count: s.overdueCount })}</Tag>}
                  </div>
                  <Progress percent={s.assignmentCount ? Math.round((s.doneCount / s.assignmentCount) * 100) : 0} size="small" showInfo={false} />
                </div>
              }
            >
              <List.Item.Meta
                title={<a href={`#/dashboard/${encodeURIComponent(s.directive.id)}`}>{s.directive.title}</a>}
                description={directiveRef(t, s.directive)}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
