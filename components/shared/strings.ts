import { byLang, transpose } from '../../src/i18n/index.js';

/**
 * Every visible string of the components, in every language: `UI.check[lang]`. The text lives
 * in the catalogues (src/i18n/<lang>.ts, section `ui`); add a key to `UiMessages` and to each
 * catalogue to add a string.
 */
export const UI = transpose(byLang((m) => m.ui));
