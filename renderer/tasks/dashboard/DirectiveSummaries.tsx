import { Card, Col, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DirectiveSummary } from '../../../electron/contract/tasks';
import { navigate } from '../../ui/router';
import { directiveRef } from '../labels';

/** "13/14 hoàn thành" per directive; a click narrows the dashboard to it. */
export function DirectiveSummaries({ items, selected }: { items: DirectiveSummary[]; selected: string | undefined }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="directive-summaries">
      {items.map((s) => {
        const pct = s.assignmentCount ? Math.round((s.doneCount / s.assignmentCount) * 100) : 0;
        return (
          <Col key={s.directive.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              hoverable
              className={selected === s.directive.id ? 'sv-summary sv-summary-selected' : 'sv-summary'}
              onClick={() => navigate('dashboard', ...(selected === s.directive.id ? [] : [s.directive.id]))}
            >
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {directiveRef(t, s.directive)}
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s.directive.title }} style={{ marginBottom: 6, fontWeight: 600 }}>
                {s.directive.title}
              </Typography.Paragraph>
              <div className="sv-summary-line">
                <strong data-testid="summary-done">{t('directives.tasksDoneOf', { done: s.taskDoneCount, total: s.taskCount, doneA: s.doneCount, totalA: s.assignmentCount })}</strong>
                {s.overdueCount > 0 && <Tag color="red">{t('directives.overdueCount', { count: s.overdueCount })}</Tag>}
              </div>
              <Progress percent={pct} size="small" />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
