import type { ClassificationReason } from './classify';
import type { TFunction } from 'i18next';
import { translator } from '../translate';
import { formatNumber } from '../numbers';
import { sayUnchecked, type MessageKey, type MessageParams } from '../i18n/keys';

/**
 * Vietnamese texts the core itself must write (the reason beside a class, the "Lỗi" column of
 * the rejected-rows workbook), rendered by the same i18next setup and locale files as the UI,
 * so the UI and the files never say different things.
 */

/** Renders a "households:..." key in Vietnamese (an unknown key shows as ⟦key⟧). */
export function renderVi(key: string, params: MessageParams = {}): string {
  return sayUnchecked(translator('vi'), key, params);
}

/** Stands for the income while a reason's sentence is rendered once per line and count. */
const INCOME_MARK = '\u0000income\u0000';
const MAX_TEMPLATES = 2000;
/** Per translator (a new i18next instance starts afresh): "key|limit|lower|count" -> sentence with INCOME_MARK. */
const reasonTemplates = new WeakMap<TFunction, Map<string, string>>();

/**
 * "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số"
 *
 * Every household written gets this sentence, and i18next's `t` (plural choice, two number
 * formatters) costs about 0.2 ms a call: 22 s for an import of 110,000 rows. Only the income
 * differs from household to household (the lines, the bounds and the count take a handful of
 * values), so the sentence is rendered by `t` once per key, line, bound and count with a mark
 * for the income, and the income formatted as the locale's `number` formatter does.
 */
export function formatReasonVi(reason: ClassificationReason): string {
  const t = translator('vi');
  let templates = reasonTemplates.get(t);
  if (!templates) reasonTemplates.set(t, (templates = new Map()));
  const { limit, lower, count } = reason.params;
  const key = `${reason.key}|${limit}|${lower ?? ''}|${count}`;
  let template = templates.get(key);
  if (template === undefined) {
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    template = sayUnchecked(t, reason.key, { ...reason.params, income: INCOME_MARK });
    templates.set(key, template);
  }
  return template.split(INCOME_MARK).join(formatNumber(reason.params.income, 'vi'));
}

export interface Problem {
  messageKey: string;
  params: Record<string, string | number>;
}

type ProblemName = MessageKey extends infer K ? (K extends `households:problem.${infer P}` ? P : never) : never;

export function problem(key: ProblemName, params: Record<string, string | number> = {}): Problem {
  return { messageKey: `households:problem.${key}`, params };
}

export function formatProblemVi(p: Problem): string {
  return renderVi(p.messageKey, p.params);
}
