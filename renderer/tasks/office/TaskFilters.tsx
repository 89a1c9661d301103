import { Button, Radio, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES, type FieldDef, type TaskFilter } from '../../../electron/contract/tasks';
import { foldFilter } from '../../ui/filter';
import { statusLabel } from '../labels';

interface Props {
  value: TaskFilter;
  onChange: (f: TaskFilter) => void;
  fields: FieldDef[];
  directiveLabel?: string;
}

/** Filters of the office task list: lĩnh vực, trạng thái, sắp đến hạn / quá hạn, văn bản. */
export function TaskFilters({ value, onChange, fields, directiveLabel }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const set = (patch: Partial<TaskFilter>): void => {
    const next: TaskFilter = { ...value, ...patch };
    for (const k of Object.keys(next) as Array<keyof TaskFilter>) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <Space wrap size={[12, 8]} className="sv-filters" data-testid="task-filters">
      <Select
        allowClear
        placeholder={t('list.filterField')}
        value={value.field}
        onChange={(v) => set({ field: v })}
        options={fields.map((f) => ({ value: f.code, label: f.name }))}
        showSearch={{ filterOption: foldFilter }}
        style={{ width: 260 }}
        data-testid="filter-field"
      />
      <Select
        allowClear
        placeholder={t('list.filterStatus')}
        value={value.status}
        onChange={(v) => set({ status: v })}
        options={PROGRESS_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        style={{ width: 200 }}
        data-testid="filter-status"
      />
      <Radio.Group
        optionType="button"
        value={value.due ?? 'all'}
        onChange={(e) => set({ due: e.target.value === 'all' ? undefined : (e.target.value as 'dueSoon' | 'overdue') })}
        options={[
          { value: 'all', label: t('list.dueAll') },
          { value: 'dueSoon', label: t('list.dueSoon') },
          { value: 'overdue', label: t('list.overdue') },
        ]}
        data-testid="filter-due"
      />
      {value.directiveId && (
        <Tag closable onClose={() => set({ directiveId: undefined })}>
          {directiveLabel ?? t('list.oneDirective')}
        </Tag>
      )}
      {(value.field || value.status || value.due) && (
        <Button type="link" onClick={() => onChange(value.directiveId ? { directiveId: value.directiveId } : {})}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Space>
  );
}
