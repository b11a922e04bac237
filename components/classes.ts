/**
 * The element classes without defining any tag, for a page that registers them itself
 * (under other names, in a scoped registry, or after a polyfill):
 *
 * ```js
 * import { defineElement, GsDerivative } from 'gradstep/components/classes.js';
 * defineElement('gs-derivative', GsDerivative); // also defines the <gs-plot> it renders
 * ```
 *
 * One element's class alone: `gradstep/components/classes/gs-derivative.js`.
 */
export { defineElement } from './define.js';
export { type CheckEventDetail, GsAnswer } from './gs-answer.js';
export { GsContour, type PlotArrow } from './gs-contour.js';
export { type ExpressionChangeDetail, GsDerivative } from './gs-derivative.js';
export { GsGradient } from './gs-gradient.js';
export { type DescentStepDetail, type GraphStepDetail, GsGraph } from './gs-graph.js';
export { GsMath } from './gs-math.js';
export { GsOptimizer, type StepChangeDetail } from './gs-optimizer.js';
export { GsOptimizerRace } from './gs-optimizer-race.js';
export {
  GsPlot,
  type PlotCurve,
  type PlotMarker,
  type PlotPath,
  type PointPickDetail,
  type ProbeChangeDetail,
} from './gs-plot.js';
export { GsSurface } from './gs-surface.js';
export { getBasePath, setBasePath } from './katex/fonts.js';
export type { GsEventDetail } from './shared/events.js';
