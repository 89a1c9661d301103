import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { formatNumber } from '../../i18n/format';

/**
 * The empty list of a year without households when another year has them. The list opens on the
 * current year (the review being run, see core defaultYear), so in a folder of last year's
 * households it says where they are and switches to that year in one click, instead of
 * a bare "no households".
 */
export function EmptyYear({ year, otherYear, fallback, onSwitch }: { year: number; otherYear: number; fallback: string; onSwitch: (y: number) => void }): React.JSX.Element {
  const { t } = useTranslation('households');
  const other = useOpQuery('households.list', { year: otherYear, limit: 1 });
  if (!other.data || other.data.yearTotal === 0) return <>{fallback}</>;
  return (
    <Space direction="vertical" align="center" data-testid="empty-year">
      <span>{t('list.emptyYear', { year, otherYear, count: other.data.yearTotal, total: formatNumber(other.data.yearTotal) })}</span>
      <Button type="primary" onClick={() => onSwitch(otherYear)} data-testid="switch-year">
        {t('list.switchYear', { year: otherYear })}
      </Button>
    </Space>
  );
}
