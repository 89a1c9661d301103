import { forwardRef, useLayoutEffect, useRef, useState } from 'react';
import { Input, type InputRef } from 'antd';
import { amountOf, groupDigits, regroup } from './moneyFormat';

interface Props {
  value?: number | null;
  onChange?: (v: number | null) => void;
  onPressEnter?: () => void;
  id?: string;
  'aria-invalid'?: boolean;
  'data-testid'?: string;
  suffix?: string;
}

/** Amount in đồng, grouped as it is typed ("1.500.000"), caret kept in place. */
export const MoneyInput = forwardRef<InputRef, Props>(function MoneyInput({ value, onChange, suffix, ...rest }, ref) {
  const inner = useRef<InputRef | null>(null);
  const caret = useRef<number | null>(null);
  const [text, setText] = useState(() => (value === null || value === undefined ? '' : groupDigits(String(value))));
  // Follow values set from outside (form reset, editing another household).
  const shown = amountOf(text);
  if ((value ?? null) !== shown) {
    const next = value === null || value === undefined ? '' : groupDigits(String(value));
    if (next !== text) setText(next);
  }
  useLayoutEffect(() => {
    const el = inner.current?.input;
    if (el && caret.current !== null && document.activeElement === el) el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);
  return (
    <Input
      {...rest}
      ref={(r) => {
        inner.current = r;
        if (typeof ref === 'function') ref(r);
        else if (ref) ref.current = r;
      }}
      inputMode="numeric"
      autoComplete="off"
      value={text}
      suffix={suffix}
      onChange={(e) => {
        const r = regroup(e.target.value, e.target.selectionStart ?? e.target.value.length);
        caret.current = r.caret;
        setText(r.text);
        onChange?.(amountOf(r.text));
      }}
    />
  );
});
