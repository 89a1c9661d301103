import { InputNumber } from 'antd';
import type { CSSProperties } from 'react';
import { formatNumberText, formatTyping, parseNumberText } from './numbers';

export interface NumberInputProps {
  id?: string;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  disabled?: boolean;
  /** Shown plainly (not greyed out) when the report cannot be edited. */
  readOnly?: boolean;
  status?: 'error' | 'warning' | '';
  suffix?: string;
  style?: CSSProperties;
  testId?: string;
  ariaLabel?: string;
  placeholder?: string;
  decimals?: boolean;
}

/**
 * A number box that reads and writes the UI language: 1.250 and 1.250,5 in Vietnamese,
 * 1,250 and 1,250.5 in English. Enter does nothing (no
 * form is submitted by accident); Tab moves on, as in the paper form.
 */
export function NumberInput(p: NumberInputProps): React.JSX.Element {
  return (
    <InputNumber<string>
      id={p.id}
      stringMode
      value={p.value === null || p.value === undefined ? null : String(p.value)}
      onChange={(v) => {
        if (v === null || v === '') return p.onChange(null);
        const n = Number(v);
        p.onChange(Number.isFinite(n) ? n : null);
      }}
      onBlur={p.onBlur}
      formatter={(value, info) => (info.userTyping ? formatTyping(info.input) : formatNumberText(value))}
      parser={(text) => parseNumberText(text)}
      disabled={p.disabled}
      readOnly={p.readOnly}
      variant={p.readOnly ? 'filled' : undefined}
      status={p.status || undefined}
      suffix={p.suffix}
      controls={false}
      keyboard={false}
      inputMode={p.decimals ? 'decimal' : 'numeric'}
      style={{ width: 180, ...p.style }}
      data-testid={p.testId}
      aria-label={p.ariaLabel}
      placeholder={p.placeholder}
      onPressEnter={(e) => e.preventDefault()}
    />
  );
}
