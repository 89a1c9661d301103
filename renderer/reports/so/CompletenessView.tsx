import { Alert, Card, Col, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompletenessCell, OfficeRef } from '../../../electron/contract/reports';
import { REPORT_STATES } from '../../../electron/contract/reports';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { formatDate } from '../../i18n/format';
import { periodName } from '../labels';
import { showNumber } from '../numbers';
import { StateTag } from '../StateTag';
import { ChaseList } from './ChaseList';

const pct = (n: number | null): string => (n === null ? '—' : `${showNumber(n, 1)}%`);

/** Offices × periods with the state of each report, counts, percentages and who to chase. */
export function CompletenessView({ formId, year }: { formId: string; year: number }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const q = useOpQuery('reports.completeness', { formId, year });
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const { result, periods, offices } = q.data;
  const cellOf = (office: string, period: string): CompletenessCell | undefined =>
    result.cells.find((c) => c.office === office && c.period === period);
  const tot = result.totals;

  const detail = (c: CompletenessCell): string => {
    if (c.submittedOn) return t('matrix.sentOn', { date: formatDate(c.submittedOn) }) + (c.daysLate ? ` · ${t('matrix.daysLate', { count: c.daysLate })}` : '');
    if (c.overdue) return t('chase.overdue', { count: c.daysOverdue });
    return t('matrix.dueOn', { date: formatDate(c.dueDate) });
  };

  return (
    <div data-testid="completeness">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Card size="small" className="rp-stat">
            <Statistic title={t('matrix.received')} value={`${tot.received}/${tot.expected}`} suffix={<small>{pct(tot.completenessPct)}</small>} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" className="rp-stat">
            <Statistic title={t('matrix.onTime')} value={tot.onTime} suffix={<small>{pct(tot.timelinessPct)}</small>} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" className="rp-stat">
            <Statistic title={t('matrix.accepted')} value={tot.counts.accepted} suffix={<small>{pct(tot.acceptedPct)}</small>} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" className="rp-stat">
            <Statistic title={t('matrix.toChase')} value={result.chase.length} styles={{ content: { color: result.chase.length ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      </Row>
      <div className="rp-legend" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('matrix.legend')}</Typography.Text>
        {REPORT_STATES.map((s) => (
          <span key={s}>
            <StateTag state={s} testId={`legend-${s}`} /> <small className="muted">{tot.counts[s]}</small>
          </span>
        ))}
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<OfficeRef>
          className="rp-matrix"
          data-testid="completeness-matrix"
          rowKey="code"
          size="small"
          bordered
          pagination={false}
          dataSource={offices}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('matrix.office'), dataIndex: 'name', fixed: 'left', width: 220 },
            ...periods.map((p) => ({
              title: (
                <span>
                  {periodName(t, p)}
                  <div className="muted">{t('matrix.periodCount', { received: q.data?.result.byPeriod[p]?.received ?? 0, expected: q.data?.result.byPeriod[p]?.expected ?? 0 })}</div>
                </span>
              ),
              key: p,
              width: 190,
              onCell: (o: OfficeRef) => ({
                className: `rp-cell${cellOf(o.code, p)?.overdue || cellOf(o.code, p)?.state === 'returned' ? ' rp-cell-alert' : ''}`,
                'data-testid': `cell-${o.code}-${p}`,
                onClick: () => {
                  const c = cellOf(o.code, p);
                  if (c && c.state !== 'notStarted') navigate('report', formId, p, o.code);
                },
              }) as React.HTMLAttributes<HTMLElement>,
              render: (_: unknown, o: OfficeRef) => {
                const c = cellOf(o.code, p);
                if (!c) return null;
                return (
                  <>
                    <StateTag state={c.state} testId={`state-${o.code}-${p}`} />
                    <div className="rp-cell-detail">{detail(c)}</div>
                    {c.formVersion !== null && <div className="rp-cell-detail">{t('fill.version', { version: c.formVersion })}</div>}
                  </>
                );
              },
            })),
            {
              title: t('matrix.officeRate'),
              key: 'rate',
              width: 120,
              render: (_: unknown, o: OfficeRef) => pct(result.byOffice[o.code]?.completenessPct ?? null),
            },
          ]}
        />
      </Card>
      <ChaseList items={result.chase} offices={offices} formId={formId} />
    </div>
  );
}
