import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from './format';

import { MISSING_MARK, NAMESPACES, RESOURCES, type Lang } from '../../electron/domain/i18n/resources';

export { MISSING_MARK, type Lang };

/** Kept for tests that compare the two languages' keys. */
export function buildResources(): typeof RESOURCES {
  return RESOURCES;
}

export async function initI18n(lang: Lang): Promise<I18n> {
  const resources = RESOURCES;
  await i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    parseMissingKeyHandler: (key) => `${MISSING_MARK}${key}⟧`,
  });
  // "{{n, number}}" in a sentence looks like every other figure on screen (1.234.567), in both
  // languages; otherwise English sentences showed 1,234,567 next to tables showing 1.234.567.
  i18next.services.formatter?.add('number', (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value)));
  return i18next;
}

export { i18next };
