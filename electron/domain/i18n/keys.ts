import type { TFunction } from 'i18next';
import type { Namespace, RESOURCES } from './resources';

/**
 * Every message key of the app as a type: "households:errors.IMPORT_HAS_ERRORS", with plural
 * suffixes (_one, _other) taken off since i18next picks them from `count`. Vietnamese is the
 * reference; the i18n test keeps English's keys equal.
 *
 * Deliberately not i18next's CustomTypeOptions: typing every `t()` that way took the type
 * checker from ~0.5 M to ~4 M instantiations (tsc 28 s → 130 s on this machine) and flagged
 * ~280 calls whose key arrives as data. A plain union is cheap and checks the places that build
 * keys: AppError, the error helpers, and label helpers written as templates over a union
 * (`say(t, \`tasks:status.${status}\`)`).
 */
type Vi = (typeof RESOURCES)['vi'];
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = { [N in Namespace]: `${N}:${Leaves<Vi[N]>}` }[Namespace];

/** Params a message may take. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/** `t` with a key the type checker has seen exists; use it wherever a key is built. */
export function say(t: TFunction, key: MessageKey, params?: MessageParams): string {
  return sayUnchecked(t, key, params);
}

/**
 * `t` for keys that arrive as data (an error's messageKey, a key stored in a record). The keys
 * themselves are checked where they are made (MessageKey, the i18n tests); here they are strings.
 */
export function sayUnchecked(t: TFunction, key: string, params?: MessageParams): string {
  return t(key, params);
}
