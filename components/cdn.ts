/**
 * The embed build (`dist/cdn/gradstep.js`): one script tag, and every gs- tag
 * works. Math, derivatives, gradients and plots are defined at once; the
 * answer box, the optimizer elements and the 3-D surface load when a page uses them.
 */
import { autoload } from './autoload.js';

export { GsContour } from './define/gs-contour.js';
export { GsDerivative } from './define/gs-derivative.js';
export { GsGradient } from './define/gs-gradient.js';
export { GsMath } from './define/gs-math.js';
export { GsPlot } from './define/gs-plot.js';
export { getBasePath, setBasePath } from './katex/fonts.js';

autoload();
