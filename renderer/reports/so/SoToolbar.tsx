import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../electron/contract/reports';
import { formPeriodsOfYear } from '../../../electron/contract/reports';
import { todayVn } from '../../i18n/format';
import { periodName } from '../labels';

export interface SoToolbarProps {
  forms: FormSummary[];
  formId: string;
  year: number;
  period?: string | undefined;
  onForm: (formId: string) => void;
  onYear: (year: number) => void;
  onPeriod?: ((period: string) => void) | undefined;
}

/** Which form, year and (for totals) period the Sở is looking at. */
export function SoToolbar(p: SoToolbarProps): React.JSX.Element {
  const { t } = useTranslation('reports');
  const form = p.forms.find((f) => f.formId === p.formId);
  const thisYear = Number(todayVn().slice(0, 4));
  const years = Array.from({ length: Math.max(thisYear + 1, p.year) - 2019 }, (_, i) => 2020 + i).reverse();
  const periods = form ? formPeriodsOfYear({ periodType: form.periodType, onlyPeriods: form.onlyPeriods }, p.year) : [];
  return (
    <Space wrap size={[16, 8]} style={{ marginBottom: 16 }}>
      <Space size={6}>
        <Typography.Text type="secondary">{t('so.form')}</Typography.Text>
        <Select
          value={p.formId}
          onChange={p.onForm}
          style={{ width: 640, maxWidth: '70vw' }}
          data-testid="form-select"
          options={p.forms.map((f) => ({ value: f.formId, label: f.title }))}
        />
      </Space>
      <Space size={6}>
        <Typography.Text type="secondary">{t('so.year')}</Typography.Text>
        <Select value={p.year} onChange={p.onYear} style={{ width: 100 }} data-testid="year-select" options={years.map((y) => ({ value: y, label: String(y) }))} />
      </Space>
      {p.onPeriod && periods.length > 1 && (
        <Space size={6}>
          <Typography.Text type="secondary">{t('so.period')}</Typography.Text>
          <Select
            value={p.period}
            onChange={p.onPeriod}
            style={{ width: 200 }}
            data-testid="period-select"
            options={periods.map((k) => ({ value: k, label: periodName(t, k) }))}
          />
        </Space>
      )}
    </Space>
  );
}
