/**
 * Views of a full step tree at a detail level. The tree is computed once; a view
 * only drops steps (keeping every remaining step's id, expr and result).
 */
import type { Detail, Step } from './derivation.js';
import { RULE_OBJECTS } from './rules.js';

function shown(step: Step, detail: Detail): boolean {
  const rule = RULE_OBJECTS[step.rule];
  if (detail === 'brief') return rule.detail === 'brief';
  if (detail === 'normal') return rule.detail !== 'trivial';
  return true;
}

/** The step of the full tree a folded view step stands for (printers write a rule out from all its parts). */
const FULL = new WeakMap<Step, Step>();

/** The full step behind a step of a view (the step itself when nothing was folded under it). */
export function fullStep(step: Step): Step {
  return FULL.get(step) ?? step;
}

function folded(s: Step, kids: Step[]): Step {
  if (sameSteps(kids, s.substeps)) return s;
  const view = { ...s, substeps: kids };
  FULL.set(view, fullStep(s));
  return view;
}

function fold(steps: readonly Step[], detail: Detail): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    const kids = fold(s.substeps, detail);
    if (shown(s, detail)) out.push(folded(s, kids));
    else out.push(...kids);
  }
  return out;
}

function sameSteps(a: readonly Step[], b: readonly Step[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The tree as shown at `detail`: `full` shows every step, `normal` folds trivial
 * steps (constants, dx/dx) into their parent, `brief` keeps only chain, product,
 * quotient and simplify steps. The root is always kept: its result is the answer.
 */
export function atDetail(root: Step, detail: Detail): Step {
  if (detail === 'full') return root;
  return folded(root, fold(root.substeps, detail));
}
