/** Defines <gs-gradient> (and the elements it renders) on import: `import 'gradstep/components/gs-gradient.js'`. */
import { defineElement } from '../define.js';
import { GsGradient } from '../gs-gradient.js';

export * from '../gs-gradient.js';

defineElement('gs-gradient', GsGradient);
