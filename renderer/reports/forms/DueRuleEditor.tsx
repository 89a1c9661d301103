import { Checkbox, InputNumber, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueRule } from '../../../electron/contract/reports';

const DEFAULT_RULE: DueRule = { kind: 'daysAfterPeriodEnd', days: 10 };

/**
 * "N days after the period ends" or "a fixed day and month" (optionally of the following year).
 * A form control: `value`/`onChange` come from the surrounding Form.Item.
 */
export function DueRuleEditor({ value = DEFAULT_RULE, onChange = () => undefined }: { value?: DueRule; onChange?: (rule: DueRule) => void }): React.JSX.Element {
  const { t } = useTranslation('reports');
  return (
    <Space orientation="vertical" data-testid="due-rule">
      <Radio.Group
        value={value.kind}
        onChange={(e) =>
          onChange(e.target.value === 'daysAfterPeriodEnd' ? { kind: 'daysAfterPeriodEnd', days: 10 } : { kind: 'fixedDate', month: 12, day: 15 })
        }
        options={[
          { value: 'daysAfterPeriodEnd', label: t('editor.dueDaysAfter') },
          { value: 'fixedDate', label: t('editor.dueFixed') },
        ]}
      />
      {value.kind === 'daysAfterPeriodEnd' ? (
        <Space>
          <InputNumber min={-180} max={366} value={value.days} onChange={(d) => onChange({ ...value, days: d ?? 0 })} aria-label={t('editor.days')} />
          <Typography.Text>{t('editor.daysUnit')}</Typography.Text>
        </Space>
      ) : (
        <Space wrap>
          <Typography.Text>{t('editor.day')}</Typography.Text>
          <InputNumber min={1} max={31} value={value.day} onChange={(d) => onChange({ ...value, day: d ?? 1 })} aria-label={t('editor.day')} />
          <Typography.Text>{t('editor.month')}</Typography.Text>
          <InputNumber min={1} max={12} value={value.month} onChange={(m) => onChange({ ...value, month: m ?? 1 })} aria-label={t('editor.month')} />
          <Checkbox
            checked={value.relativeYear === 1}
            onChange={(e) => {
              const { relativeYear: _drop, ...rest } = value;
              onChange(e.target.checked ? { ...rest, relativeYear: 1 } : rest);
            }}
          >
            {t('editor.nextYear')}
          </Checkbox>
        </Space>
      )}
    </Space>
  );
}
