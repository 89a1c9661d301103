import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { yearOptions } from './useReviewYear';

/** The review-year picker of the household screens: 2021–2030, years with records, the one shown. */
export function YearSelect({ year, years, onChange, testId }: { year: number | undefined; years: readonly number[]; onChange: (y: number) => void; testId: string }): React.JSX.Element {
  const { t } = useTranslation('households');
  return (
    <Select
      value={year}
      onChange={onChange}
      options={yearOptions(years, year).map((y) => ({ value: y, label: t('list.year', { year: y }) }))}
      style={{ width: 140 }}
      // Ten-odd years: every option stays in the page (a virtual list renders only those near the
      // selected year, so "Năm 2022" was sometimes not there to click).
      virtual={false}
      aria-label={t('field.reviewYear')}
      data-testid={testId}
    />
  );
}
