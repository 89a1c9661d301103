import { createInstance, type i18n as I18n, type Module, type TFunction } from 'i18next';
import type { AppErrorValue } from './errors';
import { sayUnchecked } from './i18n/keys';
import { formatNumber } from './numbers';
import { LANGS, MISSING_MARK, NAMESPACES, RESOURCES, type Lang } from './i18n/resources';
import { rootUnit, TERMS_2022, type OrgProfile } from './org';

/**
 * (Beside i18n/ rather than in it: it needs numbers.ts, and errors.ts needs i18n/keys, so
 * living in i18n/ would make the two domain folders import each other.)
 *
 * One i18next setup for every layer: the UI (with react-i18next as a plugin), the core's files
 * and prints, and the CLI. Each call makes its own instance (no i18next global), initialised
 * synchronously from the bundled resources, so `t` works as soon as this returns.
 */
export function createI18n(lang: Lang, plugins: readonly Module[] = []): I18n {
  const instance = createInstance();
  for (const p of plugins) instance.use(p);
  void instance.init({
    resources: RESOURCES,
    lng: lang,
    fallbackLng: false,
    ns: [...NAMESPACES, ORG_NAMESPACE],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
    // A missing key shows as ⟦key⟧ so tests (and people) notice it at once.
    parseMissingKeyHandler: (key) => `${MISSING_MARK}${key}⟧`,
  });
  // "{{n, number}}" in a sentence looks like every other figure of that language (1.234.567 in
  // Vietnamese, 1,234,567 in English): the same module formats tables and inputs.
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? formatNumber(value, lng ?? lang) : String(value),
  );
  // Until a profile is applied (the core on open, the UI at boot), the words of a profile file
  // without terms: the 2022 tree's, with the Sở named generically.
  for (const l of LANGS) instance.addResourceBundle(l, ORG_NAMESPACE, { ...TERMS_2022[l], upperName: TERMS_2022[l].upperUnit, upperFullName: TERMS_2022[l].upperUnit, province: '' }, false, true);
  return instance;
}

/**
 * The namespace of the profile's own words. Locale strings nest them, `$t(org:lowerUnit)`, so
 * each language gets its own profile's words and no locale file names a level.
 */
export const ORG_NAMESPACE = 'org';

/** The profile's words in one language, with the names derived from its units. */
export function orgTerms(profile: OrgProfile, lang: Lang): Record<string, string> {
  const so = rootUnit(profile);
  return { ...profile.terms[lang], upperName: so.shortName, upperFullName: so.name, province: profile.province };
}

/** Puts a profile's words into an instance (both languages), replacing the previous profile's. */
export function applyOrgTerms(instance: I18n, profile: OrgProfile): void {
  for (const lang of LANGS) instance.addResourceBundle(lang, ORG_NAMESPACE, orgTerms(profile, lang), false, true);
}

const shared = new Map<Lang, I18n>();

/**
 * One read-only instance per language for code that only renders (core files, CLI, domain
 * texts). They are never switched to another language, so sharing them is safe, and cheaper
 * than initialising i18next for every household of a 50k import.
 */
let sharedProfile: OrgProfile | null = null;

function sharedInstance(lang: Lang): I18n {
  let instance = shared.get(lang);
  if (!instance) {
    instance = createI18n(lang);
    if (sharedProfile) applyOrgTerms(instance, sharedProfile);
    shared.set(lang, instance);
  }
  return instance;
}

/**
 * The profile whose words the shared instances use (the core's files and prints, the CLI).
 * One process serves one data folder, so one profile at a time.
 */
export function setSharedProfileTerms(profile: OrgProfile): void {
  sharedProfile = profile;
  for (const instance of shared.values()) applyOrgTerms(instance, profile);
}

/** The `t` of one language, shared (see sharedInstance). */
export function translator(lang: Lang): TFunction {
  return sharedInstance(lang).t;
}

/** The sentence for an error value ("namespace:key" + params) in one language. */
export function errorMessage(err: AppErrorValue, lang: Lang = 'vi'): string {
  return sayUnchecked(translator(lang), err.messageKey, err.params);
}

/**
 * Fills {{name}} in a sentence that is data rather than a key (a report form's own rule
 * message), with the same interpolator as the locale files. Unknown names stay as written.
 */
export function createI18nInterpolator(lang: Lang): (text: string, params: Readonly<Record<string, string | number>>) => string {
  const interpolator = sharedInstance(lang).services.interpolator;
  // i18next's default (skipOnVariables) already leaves an unknown {{name}} as written.
  return (text, params) => interpolator.interpolate(text, params, lang, {});
}
