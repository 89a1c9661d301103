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
      aria-label={t('field.reviewYear')}
      data-testid={testId}
    />
  );
}
