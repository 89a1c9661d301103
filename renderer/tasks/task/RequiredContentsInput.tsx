import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** One box per required content, and a plain list of the ones still empty. A form control: `value`/`onChange` come from the surrounding Form.Item. */
export function RequiredContentsInput({ value = {}, onChange = () => undefined, ...rest }: { items: string[]; value?: Record<string, string>; onChange?: (v: Record<string, string>) => void }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const props = { ...rest, value, onChange };
  const missing = props.items.filter((i) => !(props.value[i] ?? '').trim());
  return (
    <div data-testid="required-contents">
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="required-missing"
          title={t('progress.missingTitle', { count: missing.length, total: props.items.length })}
          description={
            <ul className="sv-warning-list">
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('progress.allFilled', { count: props.items.length })} data-testid="required-complete" />
      )}
      {props.items.map((item, i) => (
        <Form.Item key={item} label={`${i + 1}. ${item}`} validateStatus={missing.includes(item) ? 'warning' : undefined}>
          <Input.TextArea
            value={props.value[item] ?? ''}
            onChange={(e) => props.onChange({ ...props.value, [item]: e.target.value })}
            autoSize={{ minRows: 2, maxRows: 8 }}
            data-testid={`required-${i}`}
          />
        </Form.Item>
      ))}
    </div>
  );
}
