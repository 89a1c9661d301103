import { useEffect, useState } from 'react';
import { Input, Select, Space, Switch } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CommuneView, HouseholdFacets, HouseholdFilter, PovertyStandard } from '../../../electron/contract/households';
import { HOUSEHOLD_CLASSES, indicatorsOf } from '../../../electron/contract/households';
import { foldFilter } from '../../ui/filter';
import { classLabel } from '../labels';

interface Props {
  value: HouseholdFilter;
  onChange: (f: HouseholdFilter) => void;
  communes: CommuneView[];
  facets: HouseholdFacets | undefined;
  standard: PovertyStandard | undefined;
  offices: Array<{ code: string; name: string }> | null;
  maskIds: boolean;
  onMaskIds: (v: boolean) => void;
}

/** Search box and filters of the list; search waits for a pause in typing. */
export function HouseholdFilters({ value, onChange, communes, facets, standard, offices, maskIds, onMaskIds }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => {
    const id = setTimeout(() => {
      if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined });
    }, 180);
    return () => clearTimeout(id);
  }, [q, value, onChange]);
  const set = (patch: Partial<HouseholdFilter>): void => {
    const next: HouseholdFilter = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof HouseholdFilter)[]) if (next[k] === undefined || next[k] === null) delete next[k];
    onChange(next);
  };
  const villages = (facets?.villages ?? []).filter((v) => !value.communeCode || v.communeCode === value.communeCode);
  const common = { allowClear: true, showSearch: { filterOption: foldFilter }, style: { width: 180 } } as const;
  return (
    <Space wrap size={[8, 8]} className="hh-filters">
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('list.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        allowClear
        style={{ width: 380 }}
        data-testid="household-search"
        aria-label={t('list.searchPlaceholder')}
      />
      {offices && offices.length > 1 && (
        <Select {...common} placeholder={t('list.allOffices')} value={value.office} onChange={(v?: string) => set({ office: v })} options={offices.map((o) => ({ value: o.code, label: o.name }))} />
      )}
      <Select
        {...common}
        placeholder={t('list.allCommunes')}
        value={value.communeCode}
        onChange={(v?: string) => set({ communeCode: v, village: undefined })}
        options={communes.map((c) => ({ value: c.code, label: c.label }))}
        data-testid="filter-commune"
      />
      <Select {...common} placeholder={t('list.allVillages')} value={value.village} onChange={(v?: string) => set({ village: v })} options={villages.map((v) => ({ value: v.village, label: v.village }))} />
      <Select
        {...common}
        style={{ width: 220 }}
        placeholder={t('list.allClasses')}
        value={value.class}
        onChange={(v?: HouseholdFilter['class']) => set({ class: v })}
        options={HOUSEHOLD_CLASSES.map((c) => ({ value: c, label: classLabel(t, c) }))}
        data-testid="filter-class"
      />
      <Select
        {...common}
        style={{ width: 260 }}
        placeholder={t('list.anyIndicator')}
        value={value.indicator}
        onChange={(v?: string) => set({ indicator: v })}
        options={(standard ? indicatorsOf(standard) : []).map((i) => ({ value: i.code, label: t(`indicator.${i.code}`) }))}
      />
      <Select {...common} style={{ width: 150 }} placeholder={t('list.allEthnicities')} value={value.ethnicity} onChange={(v?: string) => set({ ethnicity: v })} options={(facets?.ethnicities ?? []).map((e) => ({ value: e, label: e }))} />
      <Select
        allowClear
        style={{ width: 250 }}
        placeholder={t('list.meritAny')}
        value={value.merit === undefined ? undefined : value.merit ? 'yes' : 'no'}
        onChange={(v?: string) => set({ merit: v === undefined ? undefined : v === 'yes' })}
        options={[
          { value: 'yes', label: t('list.meritYes') },
          { value: 'no', label: t('list.meritNo') },
        ]}
      />
      <Space size={6}>
        <Switch checked={maskIds} onChange={onMaskIds} data-testid="mask-ids" aria-label={t('list.maskIds')} />
        <span>{t('list.maskIds')}</span>
      </Space>
    </Space>
  );
}
