import { useCallback, useMemo, useState } from 'react';
import { YearSelect } from '../YearSelect';
import { Alert, App, Button, Space, Typography } from 'antd';
import { BarChartOutlined, CalculatorOutlined, ClusterOutlined, FileExcelOutlined, PlusOutlined, SolutionOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HouseholdFilter } from '../../../electron/contract/households';
import { HOUSEHOLD_CLASSES, standardForYear, type PovertyStandard } from '../../../electron/contract/households';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { formatNumber } from '../../i18n/format';
import { classLabel } from '../labels';
import { savePersonalFile } from '../personalData';
import { useReviewYear } from '../useReviewYear';
import { CommunesHint } from '../communes/CommunesHint';
import { HouseholdFilters } from './HouseholdFilters';
import { EmptyYear } from './EmptyYear';
import { HouseholdTable } from './HouseholdTable';
import { usePagedRows } from './usePagedRows';
import '../households.css';

/** The year's standard among the folder's (those the Sở sent included: households.meta). */
function safeStandard(year: number | undefined, standards: readonly PovertyStandard[] | undefined) {
  try {
    return year === undefined || standards === undefined ? undefined : standardForYear(year, standards);
  } catch {
    return undefined;
  }
}

/** #/households: every household of the review year, filtered and searched in the core. */
export function HouseholdListPage(): React.JSX.Element {
  const { t } = useTranslation('households');
  const { modal, message } = App.useApp();
  const meta = useOpQuery('households.meta', {});
  const [year, setYear] = useReviewYear(meta.data?.defaultYear);
  const [filter, setFilterState] = useState<HouseholdFilter>({});
  const setFilter = useCallback((f: HouseholdFilter) => setFilterState(f), []);
  const [maskIds, setMaskIds] = useState(true);
  const rows = usePagedRows(meta.data ? year : undefined, filter, !maskIds);
  const facets = useOpQuery('households.facets', { year: year ?? 2000 }, { extraKey: [rows.yearTotal] });
  const exporting = useOpMutation('households.exportXlsx');
  const isOffice = meta.data?.role === 'office';
  const communes = meta.data?.communes ?? [];
  const names = useMemo(() => new Map(communes.map((c) => [`${c.code}`, c.label])), [communes]);
  const standard = safeStandard(year, meta.data?.standards);
  const emptyText = meta.data?.role === 'so' ? t('list.emptySo') : t('list.empty');
  // The newest year that has households, offered when the year shown has none.
  const otherYear = year !== undefined && !meta.data?.years.includes(year) ? meta.data?.years[0] : undefined;

  const exportList = (): void => {
    if (year === undefined) return;
    exporting.mutate(
      { year, filter },
      {
        onSuccess: async (file) => {
          if (await savePersonalFile(modal, t, file)) message.success(t('list.exported'));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  };

  return (
    <div className="hh-page">
      <div className="sv-page-head hh-head-bar">
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          <YearSelect year={year} years={meta.data?.years ?? []} onChange={setYear} testId="year-select" />
        </Space>
        <Space wrap>
          {isOffice && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('household', 'new')} data-testid="add-household" disabled={communes.length === 0}>
              {t('list.add')}
            </Button>
          )}
          {isOffice && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('households-import')} data-testid="open-import">
              {t('list.import')}
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={exportList} disabled={!rows.loading && rows.total === 0} data-testid="export-list">
            {t('list.export')}
          </Button>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('households-summary')} data-testid="open-summary">
            {t('list.summary')}
          </Button>
          <Button icon={<SolutionOutlined />} onClick={() => year !== undefined && navigate('households-lists', String(year))} disabled={communes.length === 0} data-testid="open-public-lists">
            {t('lists.open')}
          </Button>
          <Button icon={<CalculatorOutlined />} onClick={() => navigate('score-tables')} data-testid="open-score-tables">
            {t('list.scoreTables')}
          </Button>
          <Button onClick={() => navigate('standards')} data-testid="open-standards">
            {t('standards.open')}
          </Button>
          {isOffice && (
            <Button icon={<ClusterOutlined />} onClick={() => navigate('communes')} data-testid="open-communes">
              {t('list.communes')}
            </Button>
          )}
        </Space>
      </div>
      {meta.error && <Alert type="error" showIcon title={errorText(t, meta.error)} style={{ marginBottom: 12 }} />}
      {rows.error != null && <Alert type="error" showIcon title={errorText(t, rows.error)} style={{ marginBottom: 12 }} />}
      {isOffice && meta.data && communes.length === 0 && <CommunesHint sampleAvailable={meta.data.sampleAvailable} />}
      <HouseholdFilters
        value={filter}
        onChange={setFilter}
        communes={communes}
        facets={facets.data}
        standard={standard}
        offices={isOffice ? null : (meta.data?.offices ?? null)}
        maskIds={maskIds}
        onMaskIds={setMaskIds}
      />
      <div className="hh-counts" data-testid="household-counts" aria-live="polite">
        <span>
          <strong>{formatNumber(rows.total)}</strong> {rows.total === rows.yearTotal ? t('list.households') : t('list.ofTotal', { total: formatNumber(rows.yearTotal) })}
        </span>
        {rows.byClass &&
          HOUSEHOLD_CLASSES.map((c) => (
            <span key={c} className={`hh-count hh-count-${c}`}>
              {classLabel(t, c)}: <strong>{formatNumber(rows.byClass?.[c] ?? 0)}</strong>
            </span>
          ))}
      </div>
      <HouseholdTable
        rows={rows}
        communeName={(code) => names.get(code) ?? code}
        onOpen={(r) => navigate('household', r.id)}
        emptyText={
          Object.keys(filter).length > 0 ? (
            t('list.emptyFiltered')
          ) : year !== undefined && otherYear !== undefined ? (
            <EmptyYear year={year} otherYear={otherYear} fallback={emptyText} onSwitch={setYear} />
          ) : (
            emptyText
          )
        }
      />
    </div>
  );
}
