/**
 * The slice of mathjs gradstep runs: `create` and the parse factories, nothing that
 * evaluates. In the published library this module is replaced by a bundle of just this
 * slice (scripts/build-lib.mjs), so Node loads one file instead of mathjs's 651 modules;
 * bundlers tree-shake it the same way from source.
 */
export { create, parseDependencies } from 'mathjs/number';
