import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from './format';

export type Lang = 'vi' | 'en';

/**
 * Every feature keeps its strings in locales/<lang>/<feature>.json (one namespace per feature);
 * they are all picked up here. Vietnamese is the default and the fallback.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

export function buildResources(): Record<Lang, Record<string, Record<string, unknown>>> {
  const out: Record<Lang, Record<string, Record<string, unknown>>> = { vi: {}, en: {} };
  for (const [file, mod] of Object.entries(files)) {
    const m = /\.\/locales\/(vi|en)\/([\w-]+)\.json$/.exec(file);
    if (!m) continue;
    out[m[1] as Lang][m[2] as string] = mod.default;
  }
  return out;
}

/** A missing key shows as ⟦key⟧ so tests (and people) notice it at once. */
export const MISSING_MARK = '⟦';

export async function initI18n(lang: Lang): Promise<I18n> {
  const resources = buildResources();
  await i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: false,
    ns: Object.keys(resources.vi),
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
