/** Defines <gs-optimizer> (and the elements it renders) on import: `import 'gradstep/components/gs-optimizer.js'`. */
import { defineElement } from '../define.js';
import { GsOptimizer } from '../gs-optimizer.js';

export * from '../gs-optimizer.js';

defineElement('gs-optimizer', GsOptimizer);
