import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { navigate } from '../../ui/router';

/** Office home: how many tasks are overdue, due soon, in progress; each opens the filtered list. */
export function OfficeTasksWidget(): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const q = useOpQuery('tasks.list', {});
  const mine = (q.data ?? []).flatMap((r) => r.assignments.slice(0, 1));
  const overdue = mine.filter((a) => a.due.state === 'overdue').length;
  const soon = mine.filter((a) => a.due.state === 'dueSoon' || a.due.state === 'dueToday').length;
  const inProgress = mine.filter((a) => a.status === 'inProgress').length;
  const tile = (label: string, value: number, color: string, go: () => void, testId: string) => (
    <Col xs={24} sm={12} lg={6}>
      <Card size="small" hoverable onClick={go} data-testid={testId}>
        <Statistic title={label} value={value} styles={{ content: { color: value > 0 ? color : undefined } }} />
      </Card>
    </Col>
  );
  return (
    <Card title={t('home.officeTitle')} loading={q.isPending} extra={<a href="#/tasks">{t('home.allTasks')}</a>} data-testid="home-office-tasks">
      <Row gutter={[12, 12]}>
        {tile(t('home.total'), mine.length, '#000', () => navigate('tasks'), 'home-total')}
        {tile(t('list.overdue'), overdue, '#cf1322', () => navigate('tasks', 'due', 'overdue'), 'home-overdue')}
        {tile(t('list.dueSoon'), soon, '#d48806', () => navigate('tasks', 'due', 'dueSoon'), 'home-due-soon')}
        {tile(t('status.inProgress'), inProgress, '#1677ff', () => navigate('tasks', 'status', 'inProgress'), 'home-in-progress')}
      </Row>
    </Card>
  );
}
