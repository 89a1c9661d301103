import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { applyOrgTerms, createI18n } from '../../electron/domain/translate';
import type { OrgProfile } from '../../electron/domain/org';
import { MISSING_MARK, RESOURCES, type Lang } from '../../electron/domain/i18n/resources';
import { setNumberLanguage } from './format';

export { MISSING_MARK, type Lang };

/** Kept for tests that compare the two languages' keys. */
export function buildResources(): typeof RESOURCES {
  return RESOURCES;
}

/** The UI's instance: the shared setup plus react-i18next, which hands it to useTranslation. */
export function initI18n(lang: Lang, profile?: OrgProfile): Promise<I18n> {
  const instance = createI18n(lang, [initReactI18next]);
  if (profile) applyOrgTerms(instance, profile);
  setNumberLanguage(lang);
  instance.on('languageChanged', setNumberLanguage);
  return Promise.resolve(instance);
}
