/** The languages gradstep speaks. */
export type Lang = 'en' | 'ko';

export const LANGS: readonly Lang[] = ['en', 'ko'];

/** A piece of text in every language gradstep speaks. */
export type Localized = Readonly<Record<Lang, string>>;

/** Reads a language tag such as `ko-KR` or `en`; anything else is English. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
