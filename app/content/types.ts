import type { en } from './en.js';

/** A literal type with its strings widened, so another language can fill the same shape. */
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/**
 * The shape of the app's text in every language: the English file's shape, strings widened.
 * Arrays keep their length, so a table or list has as many entries in every language.
 */
export type AppContent = Widen<typeof en>;
