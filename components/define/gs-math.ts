/** Defines <gs-math> (and the elements it renders) on import: `import 'gradstep/components/gs-math.js'`. */
import { defineElement } from '../define.js';
import { GsMath } from '../gs-math.js';

export * from '../gs-math.js';

defineElement('gs-math', GsMath);
