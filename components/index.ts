/**
 * Every gradstep web component. Importing this module (or loading the embed
 * build `gradstep.js` with one script tag) defines all the gs- tags.
 */
export { type CheckEventDetail, GsAnswer } from './gs-answer.js';
export { GsContour, type PlotArrow } from './gs-contour.js';
export { type ExpressionChangeDetail, GsDerivative } from './gs-derivative.js';
export { GsGradient } from './gs-gradient.js';
export { type DescentStepDetail, type GraphStepDetail, GsGraph } from './gs-graph.js';
export { GsMath } from './gs-math.js';
export { GsOptimizer, type StepChangeDetail } from './gs-optimizer.js';
export { GsOptimizerRace } from './gs-optimizer-race.js';
export { GsPlot, type PlotCurve, type PlotMarker, type PlotPath, type ProbeChangeDetail } from './gs-plot.js';
export { GsSurface } from './gs-surface.js';
