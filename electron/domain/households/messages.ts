import type { ClassificationReason } from './classify';
import { translator } from '../translate';
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

/** "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số" */
export function formatReasonVi(reason: ClassificationReason): string {
  return renderVi(reason.key, reason.params);
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
