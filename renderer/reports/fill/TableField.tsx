import { Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellValue, Column, FieldError, Indicator, OfficeRef, TableValue } from '../../../electron/contract/reports';
import { NumberInput } from '../NumberInput';
import { showNumber } from '../numbers';
import { cellDomId } from './fieldIds';

export interface TableFieldProps {
  indicator: Indicator;
  value: TableValue | undefined;
  communes: OfficeRef[];
  errors: FieldError[];
  readOnly: boolean;
  onChange: (value: TableValue) => void;
  onBlur: () => void;
}

interface RowDef {
  key: string;
  label: string;
}

/** A table indicator: one row per commune (or per group), one input per column. */
export function TableField({ indicator: ind, value, communes, errors, readOnly, onChange, onBlur }: TableFieldProps): React.JSX.Element {
  const { t } = useTranslation('reports');
  const def = ind.table;
  if (!def) return <></>;
  const table = value ?? {};
  if (readOnly && Object.values(table).every((r) => Object.values(r).every((c) => c === null || c === ''))) {
    return <Typography.Text type="secondary">{t('fill.tableEmpty')}</Typography.Text>;
  }
  const rows: RowDef[] =
    def.rows === 'communes' ? communes.map((c) => ({ key: c.code, label: c.name })) : def.rows.groups.map((g) => ({ key: g, label: g }));
  for (const key of Object.keys(table)) if (!rows.some((r) => r.key === key)) rows.push({ key, label: key });

  const setCell = (row: string, col: string, v: CellValue): void => {
    const next: TableValue = { ...table, [row]: { ...(table[row] ?? {}), [col]: v } };
    onChange(next);
  };
  const cellError = (row: string, col: string): boolean => errors.some((e) => e.row === row && (e.column === col || e.column === undefined));

  const cell = (col: Column, row: RowDef): React.JSX.Element => {
    const v = table[row.key]?.[col.id];
    const id = cellDomId(ind.id, row.key, col.id);
    const label = `${row.label} — ${col.label}`;
    if (col.type === 'boolean') {
      return (
        <Select
          id={id}
          aria-label={label}
          allowClear
          value={typeof v === 'boolean' ? v : undefined}
          onChange={(x: boolean | undefined) => setCell(row.key, col.id, x ?? null)}
          onBlur={onBlur}
          disabled={readOnly}
          style={{ width: 100 }}
          options={[
            { value: true, label: t('fill.yes') },
            { value: false, label: t('fill.no') },
          ]}
        />
      );
    }
    if (col.type === 'text') {
      return (
        <Input id={id} aria-label={label} value={typeof v === 'string' ? v : ''} readOnly={readOnly} onBlur={onBlur} onChange={(e) => setCell(row.key, col.id, e.target.value)} />
      );
    }
    return (
      <NumberInput
        id={id}
        testId={`cell-${ind.id}-${row.key}-${col.id}`}
        ariaLabel={label}
        value={typeof v === 'number' ? v : null}
        onChange={(x) => setCell(row.key, col.id, x)}
        onBlur={onBlur}
        readOnly={readOnly}
        status={cellError(row.key, col.id) ? 'error' : ''}
        decimals={col.type === 'decimal' || col.type === 'percent'}
        style={{ width: '100%' }}
      />
    );
  };

  const sum = (col: Column): string => {
    const nums = Object.values(table)
      .map((r) => r[col.id])
      .filter((x): x is number => typeof x === 'number');
    return nums.length > 0 && col.type !== 'percent' ? showNumber(nums.reduce((a, b) => a + b, 0)) : '';
  };

  return (
    <Table<RowDef>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid={`table-${ind.id}`}
      columns={[
        { title: def.rows === 'communes' ? t('fill.commune') : t('fill.group'), dataIndex: 'label', width: 200 },
        ...def.columns.map((col) => ({
          title: col.unit ? `${col.label} (${col.unit})` : col.label,
          key: col.id,
          render: (_: unknown, row: RowDef) => cell(col, row),
        })),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('fill.tableTotal')}</strong>
          </Table.Summary.Cell>
          {def.columns.map((col, i) => (
            <Table.Summary.Cell key={col.id} index={i + 1}>
              <strong>{sum(col)}</strong>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}
