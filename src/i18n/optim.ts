/**
 * The optimizers' words (names, settings, what a run says, the `optim/*` errors): one
 * `OptimMessages` catalogue per language (optim.en.ts, optim.ko.ts), looked up only from src/optim
 * and the CLI's optimize command, so a page without an optimizer never loads them. Loading this
 * module also gives `GradstepError` the text of the `optim/*` codes.
 */
import { type OptimErrorCode, registerErrorTexts } from '../errors.js';
import { DEFAULT_LANG, LANGS, type Lang, type Localized } from './index.js';
import type { OptimMessages } from './messages.js';
import { OPTIM_EN } from './optim.en.js';
import { OPTIM_KO } from './optim.ko.js';

/** The optimizers' catalogue of every language gradstep speaks. */
export const OPTIM_CATALOGUES: Readonly<Record<Lang, OptimMessages>> = { en: OPTIM_EN, ko: OPTIM_KO };

/** The optimizers' catalogue of a language. */
export function optimMessagesFor(lang: Lang): OptimMessages {
  return OPTIM_CATALOGUES[lang] ?? OPTIM_CATALOGUES[DEFAULT_LANG];
}

registerErrorTexts<OptimErrorCode>((lang) => optimMessagesFor(lang).errors);

/** A text in every language, made by the same function of each optimizers' catalogue (as `localizeAll`). */
export function localizeOptim(text: (o: OptimMessages, lang: Lang) => string): Localized {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = text(optimMessagesFor(lang), lang);
  return out;
}
