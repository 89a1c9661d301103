import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardCounts } from '../../../electron/contract/tasks';

export interface CountsRow {
  key: string;
  name: string;
  counts: DashboardCounts;
}

const COLS: Array<keyof DashboardCounts> = ['assigned', 'due', 'doneOnTime', 'doneLate', 'inProgress', 'overdue', 'notStarted', 'cannotDo'];

/** The figures the national task-tracking system reports, by field or by office, with a total row. */
export function CountsTable({ rows, total, nameTitle, testId }: { rows: CountsRow[]; total: DashboardCounts; nameTitle: string; testId: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const title = (k: keyof DashboardCounts): string => {
    switch (k) {
      case 'assigned':
        return t('counts.assigned');
      case 'due':
        return t('counts.due');
      case 'doneOnTime':
        return t('counts.doneOnTime');
      case 'doneLate':
        return t('counts.doneLate');
      case 'inProgress':
        return t('counts.inProgress');
      case 'overdue':
        return t('counts.overdue');
      case 'notStarted':
        return t('counts.notStarted');
      case 'cannotDo':
        return t('counts.cannotDo');
    }
  };
  return (
    <Table<CountsRow>
      size="small"
      bordered
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      columns={[
        { title: nameTitle, dataIndex: 'name', key: 'name', fixed: 'left', width: 240 },
        ...COLS.map((k) => ({
          title: title(k),
          key: k,
          align: 'right' as const,
          width: 96,
          render: (_: unknown, r: CountsRow) => {
            const v = r.counts[k];
            return k === 'overdue' && v > 0 ? <strong style={{ color: '#cf1322' }}>{v}</strong> : v;
          },
        })),
      ]}
      summary={() => (
        <Table.Summary.Row className="sv-total-row">
          <Table.Summary.Cell index={0}>
            <strong>{t('counts.total')}</strong>
          </Table.Summary.Cell>
          {COLS.map((k, i) => (
            <Table.Summary.Cell key={k} index={i + 1} align="right">
              <strong>{total[k]}</strong>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
