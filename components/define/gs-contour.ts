/** Defines <gs-contour> (and the elements it renders) on import: `import 'gradstep/components/gs-contour.js'`. */
import { defineElement } from '../define.js';
import { GsContour } from '../gs-contour.js';

export * from '../gs-contour.js';

defineElement('gs-contour', GsContour);
