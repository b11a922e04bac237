/** Defines <gs-plot> (and the elements it renders) on import: `import 'gradstep/components/gs-plot.js'`. */
import { defineElement } from '../define.js';
import { GsPlot } from '../gs-plot.js';

export * from '../gs-plot.js';

defineElement('gs-plot', GsPlot);
