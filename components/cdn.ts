/**
 * The embed build (`dist/cdn/gradstep.js`): one script tag, and every gs- tag
 * works. Math, derivatives, gradients and plots are defined at once; the
 * answer box, the optimizer elements and the 3-D surface load when a page uses them.
 */
import { autoload } from './autoload.js';

export { GsContour } from './gs-contour.js';
export { GsDerivative } from './gs-derivative.js';
export { GsGradient } from './gs-gradient.js';
export { GsMath } from './gs-math.js';
export { GsPlot } from './gs-plot.js';

autoload();
