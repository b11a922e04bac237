/** Defines <gs-derivative> (and the elements it renders) on import: `import 'gradstep/components/gs-derivative.js'`. */
import { defineElement } from '../define.js';
import { GsDerivative } from '../gs-derivative.js';

export * from '../gs-derivative.js';

defineElement('gs-derivative', GsDerivative);
