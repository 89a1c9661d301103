import type { Indicator, IndicatorType, Section } from '../../../electron/contract/reports';
import { isNumericType } from '../../../electron/contract/reports';
import { fold } from '../../../electron/domain/text';

/** Helpers of the form editor: new indicators and their ids. Pure, so they are unit-tested. */

/** "Số phiên giao dịch việc làm" in section "ld.*" -> "ld.so_phien_giao_dich_viec_lam". */
export function suggestIndicatorId(section: Pick<Section, 'id' | 'indicators'>, label: string, taken: ReadonlySet<string>): string {
  const first = section.indicators[0]?.id.split('.')[0];
  const prefix = first ?? (fold(section.id).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'ct');
  const slug =
    fold(label)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'chi_tieu';
  const base = `${/^[a-z]/.test(prefix) ? prefix : `ct_${prefix}`}.${/^[a-z0-9]/.test(slug) ? slug : `x${slug}`}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

export const NEW_INDICATOR_TYPES: IndicatorType[] = ['integer', 'decimal', 'percent', 'money', 'boolean', 'text'];

export function newIndicator(id: string, label: string, type: IndicatorType, unit: string): Indicator {
  return {
    id,
    label,
    type,
    unit,
    required: true,
    long: false,
    ...(isNumericType(type) && type !== 'percent' ? { min: 0 } : {}),
    aggregate: type === 'text' || type === 'percent' ? 'none' : 'sum',
  };
}

/** An indicator with a bound set or cleared (undefined removes the key, so the form stays clean). */
export function withBound(ind: Indicator, key: 'min' | 'max', value: number | null): Indicator {
  const next = { ...ind };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}
