import { GradstepError } from '../errors.js';

/**
 * Runs a recursive pass over a tree, turning a stack overflow (a tree nested
 * tens of thousands deep, which only code, not the parser, can build) into a
 * GradstepError. Costs nothing on the normal path, unlike a depth walk per call.
 */
export function withStackGuard<T>(code: 'print/too-deep' | 'simplify/too-deep', pass: () => T): T {
  try {
    return pass();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new GradstepError(code, {});
    }
    throw error;
  }
}
