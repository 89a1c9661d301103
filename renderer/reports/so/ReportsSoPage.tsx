import { Alert, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formPeriodsOfYear, periodRange } from '../../../electron/contract/reports';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { todayVn } from '../../i18n/format';
import { FormsList } from '../forms/FormsList';
import { CompletenessView } from './CompletenessView';
import { ConsolidationView } from './ConsolidationView';
import { SoToolbar } from './SoToolbar';
import { TargetsView } from './TargetsView';
import '../reports.css';

const TABS = ['completeness', 'totals', 'targets', 'forms'] as const;
type Tab = (typeof TABS)[number];

/** #/reports/<tab> at the Sở: who sent what, the totals, the year's targets, the forms. */
export function ReportsSoPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const tab: Tab = (TABS as readonly string[]).includes(params[0] ?? '') ? (params[0] as Tab) : 'completeness';
  const forms = useOpQuery('reports.forms', {});
  const today = todayVn();
  const [formId, setFormId] = useState('');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [period, setPeriod] = useState('');
  const form = forms.data?.find((f) => f.formId === formId) ?? forms.data?.[0];

  // The latest period of the year that has begun, or its first.
  useEffect(() => {
    if (!form) return;
    const periods = formPeriodsOfYear({ periodType: form.periodType, onlyPeriods: form.onlyPeriods }, year);
    const begun = periods.filter((p) => periodRange(p).start <= today);
    setPeriod(begun.at(-1) ?? periods[0] ?? '');
  }, [form, year, today]);

  if (forms.error) return <Alert type="error" showIcon title={errorText(t, forms.error)} />;
  if (!forms.data) return <Spin />;
  const toolbar = (withPeriod: boolean): React.JSX.Element => (
    <SoToolbar
      forms={forms.data ?? []}
      formId={form?.formId ?? ''}
      year={year}
      period={period}
      onForm={setFormId}
      onYear={setYear}
      onPeriod={withPeriod ? setPeriod : undefined}
    />
  );
  const body = (key: Tab): React.JSX.Element | null => {
    if (key === 'forms') return <FormsList forms={forms.data ?? []} />;
    if (!form) return <Alert type="info" showIcon title={t('so.noForms')} />;
    if (key === 'completeness') return <>{toolbar(false)}<CompletenessView formId={form.formId} year={year} /></>;
    if (key === 'totals') return <>{toolbar(true)}{period && <ConsolidationView formId={form.formId} period={period} />}</>;
    return <>{toolbar(false)}<TargetsView formId={form.formId} year={year} /></>;
  };
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('so.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate('reports', k)}
        destroyOnHidden
        items={[
          { key: 'completeness', label: <span data-testid="tab-completeness">{t('so.tabCompleteness')}</span>, children: body('completeness') },
          { key: 'totals', label: <span data-testid="tab-totals">{t('so.tabTotals')}</span>, children: body('totals') },
          { key: 'targets', label: <span data-testid="tab-targets">{t('so.tabTargets')}</span>, children: body('targets') },
          { key: 'forms', label: <span data-testid="tab-forms">{t('so.tabForms')}</span>, children: body('forms') },
        ]}
      />
    </div>
  );
}
