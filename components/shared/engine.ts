import { GradstepError, type SourceRange } from '../../src/errors.js';
import { type CompiledFunction, compile } from '../../src/expr/compile.js';
import { type Parsed, parse } from '../../src/expr/parse.js';
import { type Lang, messagesFor } from '../../src/i18n/index.js';

/** An input the element could not read, with where in the text it went wrong. */
export interface InputProblem {
  readonly input: string;
  readonly message: string;
  readonly range?: SourceRange;
}

export type Reading = { ok: true; parsed: Parsed } | ({ ok: false } & InputProblem);

/** Splits a "x, y" attribute into variable names. */
export function splitVars(vars: string | null | undefined): string[] {
  return (vars ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Turns anything thrown while working on user input into a message for the page. */
export function toProblem(input: string, error: unknown, lang: Lang): InputProblem {
  if (error instanceof GradstepError) {
    return { input, message: error.localized(lang), ...(error.range ? { range: error.range } : {}) };
  }
  // Anything else is a bug in gradstep; say so without echoing internals.
  return {
    input,
    message: messagesFor(lang).ui.internalError,
  };
}

/** Reads an untrusted attribute or answer through the expression core (never evaluated). */
export function readExpression(
  input: string,
  vars: readonly string[],
  lang: Lang,
  params: readonly string[] = [],
): Reading {
  try {
    return {
      ok: true,
      parsed: parse(input, { ...(vars.length ? { vars } : {}), ...(params.length ? { params } : {}) }),
    };
  } catch (error) {
    return { ok: false, ...toProblem(input, error, lang) };
  }
}

export type Compiled2 = { ok: true; fn: (x: number, y: number) => number } | ({ ok: false } & InputProblem);

/** A function of two variables for surfaces and contour maps. */
export function compileSurface(input: string, vars: string, lang: Lang): Compiled2 {
  const names = splitVars(vars);
  const reading = readExpression(input, names, lang);
  if (!reading.ok) return reading;
  const used = names.length === 2 ? names : ['x', 'y'];
  try {
    const fn: CompiledFunction = compile(reading.parsed.expr, used);
    return { ok: true, fn: (x, y) => fn(x, y) };
  } catch (error) {
    return { ok: false, ...toProblem(input, error, lang) };
  }
}
