import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** The translated sentence for any error the UI catches. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) return t(e.error.messageKey, e.error.params);
  return t('common:errors.INTERNAL');
}
