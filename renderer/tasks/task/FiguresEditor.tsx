import { Button, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
// The reports' number box, so a figure reads 1.500.000 while it is typed, as in the Sở's forms.
import { NumberInput } from '../../reports/NumberInput';

export interface FigureRow {
  label: string;
  value: number | null;
  unit: string;
}

/** Figures reported with the progress: "Số lao động đi làm việc ở nước ngoài — 12 — người". */
/** A form control: `value`/`onChange` come from the surrounding Form.Item. */
export function FiguresEditor({ value = [], onChange = () => undefined }: { value?: FigureRow[]; onChange?: (v: FigureRow[]) => void }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const set = (i: number, patch: Partial<FigureRow>): void => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6} data-testid="figures">
      {value.map((r, i) => (
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input value={r.label} onChange={(e) => set(i, { label: e.target.value })} placeholder={t('progress.figureLabel')} style={{ flex: 3 }} status={!r.label.trim() && r.value !== null ? 'error' : undefined} />
          <NumberInput
            value={r.value}
            onChange={(v) => set(i, { value: v })}
            decimals
            ariaLabel={t('progress.figureValue')}
            placeholder={t('progress.figureValue')}
            testId={`figure-value-${i}`}
            style={{ flex: 1, minWidth: 120, width: 'auto' }}
            status={r.label.trim() && r.value === null ? 'error' : ''}
          />
          <Input value={r.unit} onChange={(e) => set(i, { unit: e.target.value })} placeholder={t('progress.figureUnit')} style={{ flex: 1, maxWidth: 140 }} />
          <Button icon={<DeleteOutlined />} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('progress.removeFigure')} />
        </Space.Compact>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, { label: '', value: null, unit: '' }])}>
        {t('progress.addFigure')}
      </Button>
    </Space>
  );
}
