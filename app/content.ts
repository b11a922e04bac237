/**
 * Every string the tutor app shows, in every language: the per-language files under
 * app/content/ (one per catalogue in src/i18n), read here as `UI.key[lang]`, `LESSON.key[lang]`.
 * Adding a language to the app is one more file there and its line in CONTENT.
 */
import { type Lang, type Localized, transpose } from '../src/i18n/index.js';
import { en } from './content/en.js';
import { ko } from './content/ko.js';
import type { AppContent } from './content/types.js';

const CONTENT: Readonly<Record<Lang, AppContent>> = { en, ko };

const all = transpose(CONTENT);

/** The app's chrome: header, navigation, buttons and playground controls. */
export const UI = all.ui;

/** The playground's workbench controls. */
export const PG = all.playground;

/** components.html's prose. */
export const COMPONENTS_PAGE = all.componentsPage;

/** Display names of the optimizers (as the lesson writes them). */
export const OPTIMIZER_NAMES: Readonly<Record<string, Localized>> = all.optimizerNames;

/** The lesson, section by section. */
export const LESSON = all.lesson;

/** Section 2.3 of the lesson: backpropagation. */
export const BACKPROP = all.backprop;
