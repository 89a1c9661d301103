import i18next, { type i18n } from 'i18next';
import enReports from '../../../electron/domain/i18n/locales/en/reports.json';
import viReports from '../../../electron/domain/i18n/locales/vi/reports.json';

export const LOCALES = { vi: viReports, en: enReports } as const;

/** An i18next instance with the reports namespace, set up like renderer/i18n/index.ts. */
export async function reportsI18n(lng: 'vi' | 'en'): Promise<i18n> {
  const inst = i18next.createInstance();
  await inst.init({
    resources: { vi: { reports: viReports }, en: { reports: enReports } },
    lng,
    fallbackLng: false,
    ns: ['reports'],
    defaultNS: 'reports',
    interpolation: { escapeValue: false },
    returnNull: false,
    parseMissingKeyHandler: (key) => `⟦${key}⟧`,
  });
  return inst;
}
