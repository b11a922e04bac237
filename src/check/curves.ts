/**
 * What a counterexample's plot draws: the expected derivative and the reader's answer as
 * functions of the problem's one variable, the parameters held at the counterexample's values.
 * Read and compiled here, so that the answer box only draws.
 */
import { type CompiledFunction, compile } from '../expr/compile.js';
import { parse } from '../expr/parse.js';
import type { PreparedProblem } from './check.js';

export interface AnswerCurves {
  readonly variable: string;
  readonly expected: (x: number) => number;
  readonly answer: (x: number) => number;
}

/**
 * The two curves of a one-variable problem at the point `at` (a counterexample's `at`);
 * undefined with several variables. Throws GradstepError when the answer cannot be read.
 */
export function answerCurves(
  p: PreparedProblem,
  answer: string,
  at: Readonly<Record<string, number>>,
): AnswerCurves | undefined {
  if (p.vars.length !== 1) return undefined;
  const variable = p.vars[0] as string;
  // A parameter the counterexample does not name is plotted at 1.
  const fixed = p.params.map((q) => at[q] ?? 1);
  const names = [variable, ...p.params];
  const atX = (f: CompiledFunction) => (x: number) => f(x, ...fixed);
  const read = parse(answer, { vars: p.vars, params: p.params }).expr;
  return { variable, expected: atX(compile(p.expected, names)), answer: atX(compile(read, names)) };
}
