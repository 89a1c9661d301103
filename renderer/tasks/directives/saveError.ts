import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../ui/errorText';

/**
 * errorText, plus the task number when the core refused one task's input
 * (INVALID_INPUT on "tasks.2.content" reads "Nhiệm vụ 3: ...").
 */
export function saveErrorText(t: TFunction, e: unknown): string {
  const text = errorText(t, e);
  if (e instanceof ApiError && e.error.code === 'INVALID_INPUT') {
    const m = /^tasks\.(\d+)\./.exec(String(e.error.params['field'] ?? ''));
    if (m) return t('tasks:editor.issues.prefix', { task: Number(m[1]) + 1, text });
  }
  return text;
}
