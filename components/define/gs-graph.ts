/** Defines <gs-graph> (and the elements it renders) on import: `import 'gradstep/components/gs-graph.js'`. */
import { defineElement } from '../define.js';
import { GsGraph } from '../gs-graph.js';

export * from '../gs-graph.js';

defineElement('gs-graph', GsGraph);
