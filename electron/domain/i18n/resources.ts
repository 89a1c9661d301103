import viApp from './locales/vi/app.json' with { type: 'json' };
import viBundles from './locales/vi/bundles.json' with { type: 'json' };
import viCommon from './locales/vi/common.json' with { type: 'json' };
import viDirectives from './locales/vi/directives.json' with { type: 'json' };
import viHouseholds from './locales/vi/households.json' with { type: 'json' };
import viReports from './locales/vi/reports.json' with { type: 'json' };
import viTasks from './locales/vi/tasks.json' with { type: 'json' };
import enApp from './locales/en/app.json' with { type: 'json' };
import enBundles from './locales/en/bundles.json' with { type: 'json' };
import enCommon from './locales/en/common.json' with { type: 'json' };
import enDirectives from './locales/en/directives.json' with { type: 'json' };
import enHouseholds from './locales/en/households.json' with { type: 'json' };
import enReports from './locales/en/reports.json' with { type: 'json' };
import enTasks from './locales/en/tasks.json' with { type: 'json' };

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/**
 * Every string the app shows or prints, one namespace per feature, for every layer: the UI,
 * the core's exports and prints, and the CLI read the same files. Vietnamese is the default.
 */
export const RESOURCES = {
  vi: { app: viApp, bundles: viBundles, common: viCommon, directives: viDirectives, households: viHouseholds, reports: viReports, tasks: viTasks },
  en: { app: enApp, bundles: enBundles, common: enCommon, directives: enDirectives, households: enHouseholds, reports: enReports, tasks: enTasks },
} as const;

export type Namespace = keyof (typeof RESOURCES)['vi'];
export const NAMESPACES = Object.keys(RESOURCES.vi) as Namespace[];

/** A missing key shows as ⟦key⟧ so tests (and people) notice it at once. */
export const MISSING_MARK = '⟦';
