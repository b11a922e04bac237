/**
 * Every gradstep web component. Importing this module (or loading the embed
 * build `gradstep.js` with one script tag) defines all the gs- tags. A page that
 * uses a few imports them one by one (`gradstep/components/gs-derivative.js`), and
 * `gradstep/components/classes.js` gives the classes without defining any tag.
 */
export * from './classes.js';

import './define/gs-answer.js';
import './define/gs-contour.js';
import './define/gs-derivative.js';
import './define/gs-gradient.js';
import './define/gs-graph.js';
import './define/gs-math.js';
import './define/gs-optimizer.js';
import './define/gs-optimizer-race.js';
import './define/gs-plot.js';
import './define/gs-surface.js';
