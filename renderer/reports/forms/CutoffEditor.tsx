import { Checkbox, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cutoff } from '../../../electron/domain/reports/window';
import { ND09_CUTOFF, reportWindow } from '../../../electron/domain/reports/window';
import { periodKey, type PeriodType } from '../../../electron/domain/reports/periods';
import { formatDate, todayVn } from '../../i18n/format';
import { periodName } from '../labels';

/**
 * The cut-off day (thời gian chốt số liệu, domain/reports/window.ts): unticked, a report covers
 * the calendar period; ticked, the window ends on that day of the period's last month (NĐ
 * 09/2019: the 14th). The window of this year's first period is shown so the Sở sees what the
 * day means before saving. A form control: `value`/`onChange` come from the Form.Item.
 */
export function CutoffEditor({
  periodType,
  value = null,
  onChange = () => undefined,
}: {
  periodType: PeriodType;
  value?: Cutoff | null;
  onChange?: (cutoff: Cutoff | null) => void;
}): React.JSX.Element {
  const { t } = useTranslation('reports');
  const sample = periodKey(periodType, Number(todayVn().slice(0, 4)));
  const window = reportWindow(value ? { cutoff: value } : {}, sample);
  return (
    <Space orientation="vertical" data-testid="cutoff">
      <Space wrap>
        <Checkbox checked={value !== null} onChange={(e) => onChange(e.target.checked ? ND09_CUTOFF : null)} data-testid="cutoff-on">
          {t('editor.cutoffOn')}
        </Checkbox>
        {value !== null && (
          <InputNumber
            min={1}
            max={28}
            precision={0}
            value={value.day}
            onChange={(d) => onChange({ day: d ?? ND09_CUTOFF.day })}
            aria-label={t('editor.cutoffDay')}
            data-testid="cutoff-day"
          />
        )}
      </Space>
      <Typography.Text type="secondary" data-testid="cutoff-window">
        {t('editor.cutoffWindow', { period: periodName(t, sample), start: formatDate(window.start), end: formatDate(window.end) })}
      </Typography.Text>
    </Space>
  );
}
