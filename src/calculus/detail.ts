/**
 * Views of a full step tree at a detail level. The tree is computed once; a view
 * only drops steps (keeping every remaining step's id, expr and result).
 */
import type { Detail, Step } from './derivation.js';
import { RULES } from './rules.js';

function shown(step: Step, detail: Detail): boolean {
  const rule = RULES[step.rule];
  if (detail === 'brief') return rule.brief === true;
  if (detail === 'normal') return rule.trivial !== true;
  return true;
}

function fold(steps: readonly Step[], detail: Detail): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    const kids = fold(s.substeps, detail);
    if (shown(s, detail)) out.push(sameSteps(kids, s.substeps) ? s : { ...s, substeps: kids });
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
  const kids = fold(root.substeps, detail);
  return sameSteps(kids, root.substeps) ? root : { ...root, substeps: kids };
}
