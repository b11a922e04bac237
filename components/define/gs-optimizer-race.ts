/** Defines <gs-optimizer-race> (and the elements it renders) on import: `import 'gradstep/components/gs-optimizer-race.js'`. */
import { defineElement } from '../define.js';
import { GsOptimizerRace } from '../gs-optimizer-race.js';

export * from '../gs-optimizer-race.js';

defineElement('gs-optimizer-race', GsOptimizerRace);
