import { Button, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The checklist a report on this task must cover ("Mục tiêu; đối tượng dự án; ..."). */
export function RequiredContentsEditor({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const set = (i: number, s: string): void => onChange(value.map((v, j) => (j === i ? s : v)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6} data-testid="task-required">
      {value.map((item, i) => (
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input prefix={<span className="muted">{i + 1}.</span>} value={item} onChange={(e) => set(i, e.target.value)} placeholder={t('editor.requiredPlaceholder')} />
          <Button icon={<DeleteOutlined />} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('editor.removeRequired')} />
        </Space.Compact>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, ''])}>
        {t('editor.addRequired')}
      </Button>
    </Space>
  );
}
