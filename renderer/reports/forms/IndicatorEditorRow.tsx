import { Button, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorType } from '../../../electron/contract/reports';
import { isNumericType } from '../../../electron/contract/reports';
import { NumberInput } from '../NumberInput';
import { NEW_INDICATOR_TYPES, withBound } from './draft';

export interface IndicatorEditorRowProps {
  indicator: Indicator;
  /** Added in this version: id, type and unit can still be chosen. */
  isNew: boolean;
  /** `field` is 'id' when the officer typed the id itself. */
  onChange: (next: Indicator, field?: 'id') => void;
  onRemove?: (() => void) | undefined;
}

/**
 * One indicator in the form editor. An existing indicator keeps its id, type and unit (reports
 * on earlier versions add up with this one by id); its label, required-ness and bounds may change.
 */
export function IndicatorEditorRow({ indicator: ind, isNew, onChange, onRemove }: IndicatorEditorRowProps): React.JSX.Element {
  const { t } = useTranslation('reports');
  const numeric = isNumericType(ind.type);
  const typeLabel = (ty: IndicatorType): string => t(`reports:indicatorType.${ty}`);
  return (
    <div className="rp-field" data-testid={`edit-${ind.id}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Input value={ind.label} onChange={(e) => onChange({ ...ind, label: e.target.value })} aria-label={t('editor.label')} data-testid={`label-${ind.id}`} />
        {isNew ? (
          <Input value={ind.id} onChange={(e) => onChange({ ...ind, id: e.target.value.trim() }, 'id')} prefix={<Typography.Text type="secondary">{t('editor.id')}</Typography.Text>} size="small" />
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ind.id}
          </Typography.Text>
        )}
      </Space>
      <Space wrap size={[12, 8]} align="center">
        {isNew ? (
          <Select<IndicatorType>
            value={ind.type}
            onChange={(type) => onChange({ ...ind, type, aggregate: type === 'text' || type === 'percent' ? 'none' : 'sum' })}
            style={{ width: 140 }}
            options={NEW_INDICATOR_TYPES.map((ty) => ({ value: ty, label: typeLabel(ty) }))}
            aria-label={t('editor.type')}
          />
        ) : (
          <Tag>{typeLabel(ind.type)}</Tag>
        )}
        {ind.type !== 'table' && ind.type !== 'boolean' && (
          <Input
            value={ind.unit}
            disabled={!isNew}
            onChange={(e) => onChange({ ...ind, unit: e.target.value })}
            style={{ width: 100 }}
            placeholder={t('editor.unit')}
            aria-label={t('editor.unit')}
          />
        )}
        <Checkbox checked={ind.required} onChange={(e) => onChange({ ...ind, required: e.target.checked })}>
          {t('editor.required')}
        </Checkbox>
        {numeric && (
          <>
            <Typography.Text type="secondary">{t('editor.min')}</Typography.Text>
            <NumberInput value={ind.min} onChange={(v) => onChange(withBound(ind, 'min', v))} style={{ width: 100 }} ariaLabel={t('editor.min')} decimals />
            <Typography.Text type="secondary">{t('editor.max')}</Typography.Text>
            <NumberInput value={ind.max} onChange={(v) => onChange(withBound(ind, 'max', v))} style={{ width: 110 }} ariaLabel={t('editor.max')} decimals />
          </>
        )}
        {onRemove && <Button icon={<DeleteOutlined />} danger type="text" onClick={onRemove} aria-label={t('editor.remove')} />}
      </Space>
    </div>
  );
}
