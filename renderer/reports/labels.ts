import type { TFunction } from 'i18next';
import type { DueRule, FieldError, PeriodType, ShownState } from '../../electron/contract/reports';
import { periodLabel, renderRuleMessage } from '../../electron/contract/reports';
import { say } from '../../electron/domain/i18n/keys';
import { formatDate } from '../i18n/format';
import { showNumber } from './numbers';

/**
 * Words shared by the report screens. Keys are full ("reports:...") so this file works
 * whatever namespace its caller uses; `say` makes the type checker check keys built from a union.
 */

export function periodName(t: TFunction, key: string): string {
  const { messageKey, params } = periodLabel(key);
  return t(messageKey, params);
}

export function stateLabel(t: TFunction, state: ShownState): string {
  return say(t, `reports:state.${state}`);
}

/** antd Tag colours of the states (the first six are also the legend of the completeness matrix). */
export const STATE_COLORS: Record<ShownState, string> = {
  notStarted: 'default',
  draft: 'gold',
  sentOnTime: 'blue',
  sentLate: 'orange',
  accepted: 'green',
  returned: 'red',
  completedNotSent: 'cyan',
  overdueNotSent: 'volcano',
};

export function periodTypeLabel(t: TFunction, type: PeriodType): string {
  return say(t, `reports:periodType.${type}`);
}

export function dueRuleText(t: TFunction, rule: DueRule): string {
  if (rule.kind === 'daysAfterPeriodEnd') return t('reports:dueRule.daysAfter', { days: rule.days });
  const date = `${String(rule.day).padStart(2, '0')}/${String(rule.month).padStart(2, '0')}`;
  return rule.relativeYear === 1 ? t('reports:dueRule.fixedNextYear', { date }) : t('reports:dueRule.fixed', { date });
}

const NUMBER_PARAMS = new Set(['min', 'max', 'left', 'right']);

/** The sentence of a validation error, in the UI language, numbers written the Vietnamese way. */
export function errorMessage(t: TFunction, lang: string, e: FieldError): string {
  const own = renderRuleMessage(e, lang === 'en' ? 'en' : 'vi', (n) => showNumber(n, 9));
  if (own) return own;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.params)) params[k] = typeof v === 'number' && NUMBER_PARAMS.has(k) ? showNumber(v, 9) : v;
  return t(e.messageKey, params);
}

export function dueText(t: TFunction, dueDate: string): string {
  return t('reports:due.until', { date: formatDate(dueDate) });
}

/** Axis labels and narrow columns: "Văn Quan" rather than "Phòng LĐTBXH Văn Quan". */
export function shortOffice(name: string): string {
  return name.replace(/^Phòng\s+LĐTBXH(-DT)?\s+/, '');
}
