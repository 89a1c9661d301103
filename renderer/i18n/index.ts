import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { createI18n } from '../../electron/domain/translate';
import { MISSING_MARK, RESOURCES, type Lang } from '../../electron/domain/i18n/resources';

export { MISSING_MARK, type Lang };

/** Kept for tests that compare the two languages' keys. */
export function buildResources(): typeof RESOURCES {
  return RESOURCES;
}

/** The UI's instance: the shared setup plus react-i18next, which hands it to useTranslation. */
export function initI18n(lang: Lang): Promise<I18n> {
  return Promise.resolve(createI18n(lang, [initReactI18next]));
}
