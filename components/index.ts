export { GsMath } from './gs-math.js';
