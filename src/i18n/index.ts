/**
 * The languages gradstep speaks: one catalogue per language, each implementing `Messages`.
 * Adding a language is one file `src/i18n/<tag>.ts` (plus the app's `app/content/<tag>.ts`)
 * and its line in `CATALOGUES` below; everything else looks languages up here.
 */
import { en } from './en.js';
import { ko } from './ko.js';
import type { Messages } from './messages.js';

/** Every catalogue, by language tag. The first is the fallback. */
export const CATALOGUES = { en, ko } as const satisfies Readonly<Record<string, Messages>>;

/** The languages gradstep speaks. */
export type Lang = keyof typeof CATALOGUES;

export const LANGS: readonly Lang[] = Object.keys(CATALOGUES) as Lang[];

/** The language used when none is asked for or the one asked for is not available. */
export const DEFAULT_LANG: Lang = 'en';

/** A piece of text in every language gradstep speaks. */
export type Localized = Readonly<Record<Lang, string>>;

export function isLang(tag: unknown): tag is Lang {
  return typeof tag === 'string' && Object.hasOwn(CATALOGUES, tag);
}

/**
 * Reads a language tag such as `ko-KR`, `en` or `KO`: the catalogue whose tag matches, else the
 * one matching its primary subtag (`ko` for `ko-KR`), else the default language.
 */
export function toLang(tag: string | null | undefined): Lang {
  if (!tag) return DEFAULT_LANG;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (isLang(lower)) return lower;
  const primary = lower.split('-')[0];
  return isLang(primary) ? primary : DEFAULT_LANG;
}

/** The catalogue of a language. */
export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang] ?? CATALOGUES[DEFAULT_LANG];
}

/** A text in every language, made by the same function of each catalogue. */
export function localizeAll(text: (m: Messages, lang: Lang) => string): Localized {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = text(messagesFor(lang), lang);
  return out;
}

/** One value per language, picked from each catalogue. */
export function byLang<T>(pick: (m: Messages, lang: Lang) => T): Readonly<Record<Lang, T>> {
  const out = {} as Record<Lang, T>;
  for (const lang of LANGS) out[lang] = pick(messagesFor(lang), lang);
  return out;
}

/**
 * Turns per-language trees of the same shape (`{ en: Content, ko: Content }`) into one tree
 * of `Localized` leaves, so a page can read `content.title[lang]`.
 */
export type Transposed<T> = T extends string
  ? Localized
  : T extends readonly (infer U)[]
    ? readonly Transposed<U>[]
    : { readonly [K in keyof T]: Transposed<T[K]> };

export function transpose<T>(byLang: Readonly<Record<Lang, T>>): Transposed<T> {
  const walk = (get: (lang: Lang) => unknown): unknown => {
    const sample = get(DEFAULT_LANG);
    if (typeof sample === 'string') {
      const out = {} as Record<Lang, string>;
      for (const lang of LANGS) out[lang] = get(lang) as string;
      return out;
    }
    if (Array.isArray(sample)) return sample.map((_, i) => walk((lang) => (get(lang) as unknown[])[i]));
    if (sample !== null && typeof sample === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(sample)) out[key] = walk((lang) => (get(lang) as Record<string, unknown>)[key]);
      return out;
    }
    return sample;
  };
  return walk((lang) => byLang[lang]) as Transposed<T>;
}

export { josa } from './josa.js';
export type { Messages } from './messages.js';
export { plural } from './plural.js';
