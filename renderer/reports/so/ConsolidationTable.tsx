import { Card, Table, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedIndicator, ConsolidationView, OfficeFigure } from '../../../electron/contract/reports';
import { shortOffice } from '../labels';
import { showNumber } from '../numbers';

function figure(t: TFunction, ind: ConsolidatedIndicator, f: OfficeFigure | undefined): React.ReactNode {
  if (!f) return null;
  if (f.status === 'value') {
    if (typeof f.value === 'number') return showNumber(f.value);
    if (typeof f.value === 'boolean') return f.value ? t('fill.yes') : t('fill.no');
    if (ind.table) {
      return ind.table.columns
        .filter((c) => c.perOffice[f.office] !== null && c.perOffice[f.office] !== undefined)
        .map((c) => <div key={c.id}>{`${c.label}: ${showNumber(c.perOffice[f.office])}`}</div>);
    }
    return null;
  }
  if (f.status === 'noReport') return <span title={f.note ? t(f.note.messageKey, f.note.params) : undefined} className="muted">—</span>;
  if (f.note) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(f.note.messageKey, f.note.params)}</Typography.Text>;
  if (f.status === 'invalid') return <Typography.Text type="danger">{t('totals.invalid')}</Typography.Text>;
  return null;
}

function total(t: TFunction, ind: ConsolidatedIndicator): React.ReactNode {
  if (ind.booleans) return t('totals.yesCount', { yes: ind.booleans.yes, answered: ind.booleans.yes + ind.booleans.no });
  if (ind.table) return ind.table.columns.filter((c) => c.total !== null).map((c) => <div key={c.id}>{`${c.label}: ${showNumber(c.total)}`}</div>);
  return <strong>{showNumber(ind.total)}</strong>;
}

/** Indicators × (province, target, % of target, each office). Narrative text is in the printed report. */
export function ConsolidationTable({ view }: { view: ConsolidationView }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const rows = view.consolidation.indicators.filter((i) => i.type !== 'text');
  return (
    <Card size="small">
      <Table<ConsolidatedIndicator>
        data-testid="totals-table"
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('totals.indicator'), dataIndex: 'label', fixed: 'left', width: 320 },
          { title: t('totals.unit'), dataIndex: 'unit', width: 80 },
          { title: t('totals.yearTarget'), key: 'target', width: 110, align: 'right', render: (_, i) => showNumber(i.target) },
          {
            title: t('totals.province'),
            key: 'total',
            width: 150,
            align: 'right',
            onCell: (i) => ({ 'data-testid': `total-${i.id}` }) as React.HTMLAttributes<HTMLElement>,
            render: (_, i) => (
              <>
                {total(t, i)}
                {i.note && (
                  <Tooltip title={t(i.note.messageKey, i.note.params)}>
                    {' '}
                    <InfoCircleOutlined className="muted" />
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            title: t('totals.targetPct'),
            key: 'pct',
            width: 90,
            align: 'right',
            render: (_, i) => (i.targetPct === null ? '' : `${showNumber(i.targetPct, 1)}%`),
          },
          ...view.offices.map((o, n) => ({
            title: shortOffice(o.name),
            key: o.code,
            width: 130,
            align: 'right' as const,
            render: (_: unknown, i: ConsolidatedIndicator) => figure(t, i, i.offices[n]),
          })),
        ]}
      />
    </Card>
  );
}
