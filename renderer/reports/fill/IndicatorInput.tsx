import { Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorValue } from '../../../electron/contract/reports';
import { NumberInput } from '../NumberInput';
import { fieldDomId } from './fieldIds';

export interface IndicatorInputProps {
  indicator: Indicator;
  value: IndicatorValue | undefined;
  onChange: (value: IndicatorValue) => void;
  onBlur: () => void;
  readOnly: boolean;
  hasError: boolean;
}

/** The input of one scalar indicator, chosen by its type. */
export function IndicatorInput({ indicator: ind, value, onChange, onBlur, readOnly, hasError }: IndicatorInputProps): React.JSX.Element {
  const { t } = useTranslation('reports');
  const id = fieldDomId(ind.id);
  const status = hasError ? 'error' : '';
  switch (ind.type) {
    case 'boolean':
      return (
        <Radio.Group
          id={id}
          data-testid={`field-${ind.id}`}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => {
            onChange(e.target.value as boolean);
            onBlur();
          }}
          disabled={readOnly}
          options={[
            { value: true, label: t('fill.yes') },
            { value: false, label: t('fill.no') },
          ]}
        />
      );
    case 'text':
      return ind.long ? (
        <Input.TextArea
          id={id}
          data-testid={`field-${ind.id}`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          readOnly={readOnly}
          status={status}
          autoSize={{ minRows: 3, maxRows: 14 }}
        />
      ) : (
        <Input
          id={id}
          data-testid={`field-${ind.id}`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          readOnly={readOnly}
          status={status}
          onPressEnter={(e) => e.preventDefault()}
        />
      );
    default:
      return (
        <NumberInput
          id={id}
          testId={`field-${ind.id}`}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          onBlur={onBlur}
          readOnly={readOnly}
          status={status}
          decimals={ind.type === 'decimal' || ind.type === 'percent'}
          suffix={ind.type === 'money' ? 'đ' : ind.unit || undefined}
          style={{ width: ind.type === 'money' ? 240 : 200 }}
        />
      );
  }
}
