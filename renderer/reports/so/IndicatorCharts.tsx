import { Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConsolidationView } from '../../../electron/contract/reports';
import { periodName, shortOffice } from '../labels';
import { showNumber } from '../numbers';

const CHARTABLE = new Set(['integer', 'decimal', 'money', 'percent']);

/** One indicator at a time: across offices for the period (with targets), and the province total across periods. */
export function IndicatorCharts({ view }: { view: ConsolidationView }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const numeric = view.consolidation.indicators.filter((i) => CHARTABLE.has(i.type));
  const first = numeric.find((i) => i.total !== null) ?? numeric[0];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const ind = numeric.find((i) => i.id === chosen) ?? first;
  if (!ind) return <Empty description={t('totals.noChart')} />;
  const names = new Map(view.offices.map((o) => [o.code, shortOffice(o.name)]));
  const bars = ind.offices.map((f) => ({
    name: names.get(f.office) ?? f.office,
    value: typeof f.value === 'number' ? f.value : null,
    target: f.target,
  }));
  const hasTargets = bars.some((b) => b.target !== null);
  const line = view.series.map((c) => {
    const x = c.indicators.find((i) => i.id === ind.id);
    return { name: periodName(t, c.period), total: x?.total ?? null, target: x?.target ?? null };
  });
  const fmt = (v: unknown): string => (typeof v === 'number' ? showNumber(v) : '');
  const unit = ind.unit ? ` (${ind.unit})` : '';
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="charts">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('totals.chartIndicator')}</Typography.Text>
        <Select
          value={ind.id}
          onChange={setChosen}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 520, maxWidth: '80vw' }}
          data-testid="chart-indicator"
          options={numeric.map((i) => ({ value: i.id, label: i.label }))}
        />
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Typography.Text strong>{t('totals.byOffice', { label: ind.label + unit })}</Typography.Text>
          <div style={{ height: 320 }} data-testid="chart-offices">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={bars} margin={{ top: 12, right: 8, bottom: 48, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" angle={-35} textAnchor="end" interval={0} height={60} tick={{ fontSize: 12 }} />
                <YAxis tickFormatter={fmt} width={72} />
                <Tooltip formatter={(v) => fmt(v)} />
                <Legend verticalAlign="top" height={28} />
                <Bar dataKey="value" name={t('totals.actual')} fill="#1f4e8c" isAnimationActive={false} />
                {hasTargets && <Bar dataKey="target" name={t('totals.target')} fill="#9db4d0" isAnimationActive={false} />}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>{t('totals.overPeriods', { label: ind.label + unit })}</Typography.Text>
          <div style={{ height: 320 }} data-testid="chart-periods">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={line} margin={{ top: 12, right: 16, bottom: 48, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={{ fontSize: 12 }} height={60} />
                <YAxis tickFormatter={fmt} width={72} />
                <Tooltip formatter={(v) => fmt(v)} />
                <Legend verticalAlign="top" height={28} />
                <Line type="monotone" dataKey="total" name={t('totals.province')} stroke="#1f4e8c" strokeWidth={2} isAnimationActive={false} connectNulls />
                {line.some((l) => l.target !== null) && (
                  <Line type="monotone" dataKey="target" name={t('totals.target')} stroke="#5b7fb0" strokeDasharray="5 4" isAnimationActive={false} connectNulls />
                )}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </Col>
      </Row>
    </Card>
  );
}
