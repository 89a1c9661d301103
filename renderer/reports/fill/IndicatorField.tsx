import { Alert, Button, Input, Tag, Typography } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, Indicator, IndicatorValue, OfficeRef, TableValue } from '../../../electron/contract/reports';
import { errorMessage } from '../labels';
import { showNumber } from '../numbers';
import { fieldDomId } from './fieldIds';
import { IndicatorInput } from './IndicatorInput';
import { TableField } from './TableField';

export interface IndicatorFieldProps {
  indicator: Indicator;
  value: IndicatorValue | undefined;
  errors: FieldError[];
  target: number | undefined;
  prefilled: boolean;
  communes: OfficeRef[];
  readOnly: boolean;
  /** The Sở's comment on this field when it returned the report. */
  soComment?: string | undefined;
  /** Set at the Sở while reviewing: the comment being written for this field. */
  review?: { value: string; onChange: (text: string) => void } | undefined;
  onChange: (value: IndicatorValue) => void;
  onBlur: () => void;
}

/** One indicator of the form: label, input, the office's target, errors and comments at the field. */
export function IndicatorField(p: IndicatorFieldProps): React.JSX.Element {
  const { t, i18n } = useTranslation('reports');
  const ind = p.indicator;
  const [commenting, setCommenting] = useState(false);
  const hasError = p.errors.some((e) => e.severity === 'error');
  const messages = [...new Set(p.errors.map((e) => errorMessage(t, i18n.language, e)))];
  return (
    <div className="rp-field" data-testid={`indicator-${ind.id}`}>
      <label htmlFor={fieldDomId(ind.id)} className="rp-label">
        {ind.required && <span className="rp-required">*</span>}
        {ind.label}
        {ind.unit && ind.type === 'table' && <span className="muted"> ({ind.unit})</span>}
      </label>
      <div className="rp-input">
        {ind.type === 'table' ? (
          <TableField
            indicator={ind}
            value={p.value as TableValue | undefined}
            communes={p.communes}
            errors={p.errors}
            readOnly={p.readOnly}
            onChange={p.onChange}
            onBlur={p.onBlur}
          />
        ) : (
          <IndicatorInput indicator={ind} value={p.value} onChange={p.onChange} onBlur={p.onBlur} readOnly={p.readOnly} hasError={hasError} />
        )}
        {p.target !== undefined && (
          <Typography.Text type="secondary" className="rp-target" data-testid={`target-${ind.id}`}>
            {t('fill.target', { value: showNumber(p.target) })}
          </Typography.Text>
        )}
        {p.prefilled && <Tag color="cyan">{t('fill.prefilled')}</Tag>}
      </div>
      {ind.hint && <div className="muted">{ind.hint}</div>}
      {messages.length > 0 && (
        <div className={hasError ? 'rp-error' : 'rp-warning'} role="alert" data-testid={`error-${ind.id}`}>
          {messages.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      )}
      {p.soComment && (
        <Alert type="warning" showIcon icon={<CommentOutlined />} className="rp-comment" data-testid={`comment-${ind.id}`} title={t('fill.soComment', { text: p.soComment })} />
      )}
      {p.review &&
        (commenting || p.review.value ? (
          <Input.TextArea
            className="rp-comment"
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={t('review.fieldPlaceholder')}
            value={p.review.value}
            onChange={(e) => p.review?.onChange(e.target.value)}
            data-testid={`review-${ind.id}`}
            autoFocus={commenting && !p.review.value}
          />
        ) : (
          <Button type="link" size="small" icon={<CommentOutlined />} onClick={() => setCommenting(true)} className="no-print">
            {t('review.addComment')}
          </Button>
        ))}
    </div>
  );
}
