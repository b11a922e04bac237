/** Defines <gs-surface> (and the elements it renders) on import: `import 'gradstep/components/gs-surface.js'`. */
import { defineElement } from '../define.js';
import { GsSurface } from '../gs-surface.js';

export * from '../gs-surface.js';

defineElement('gs-surface', GsSurface);
