import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A labelled form row that stands out while a value the extractor could not read is still
 * empty ("chưa xác định — hãy nhập"). Once the officer fills it, it looks like any other row.
 */
export function HintItem(props: {
  label: ReactNode;
  undecided?: boolean;
  empty: boolean;
  error?: string | null;
  testId?: string;
  help?: ReactNode;
  /** Replaces "chưa xác định — hãy nhập" where the notice simply said nothing (no deadline). */
  undecidedText?: string;
  children: ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const flag = Boolean(props.undecided && props.empty);
  const status = props.error ? 'error' : flag ? 'warning' : undefined;
  const help = props.error ?? (flag ? (props.undecidedText ?? t('editor.undecided')) : props.help);
  return (
    <Form.Item
      label={props.label}
      validateStatus={status}
      help={help}
      className={flag ? 'sv-undecided' : undefined}
      data-testid={props.testId}
      data-undecided={flag ? 'true' : undefined}
    >
      {props.children}
    </Form.Item>
  );
}
