/**
 * record: a numeric run written up as a trace — every step's numbers, the batch it used and,
 * when asked for, its TeX (from print.ts) — for the elements, the CLI and JSON.
 */
import type { CompileBackend } from '../expr/compile.js';
import { toTex } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import type { Localized } from '../i18n/index.js';
import type { PreparedObjective } from './prepare.js';
import {
  constantsTex,
  constantsText,
  gradientAtTex,
  gradientFormulaTex,
  paramsTex,
  rowNumbers,
  ruleTex,
  substitutedTex,
  texContext,
} from './print.js';
import type { NumericRun, Status } from './run.js';
import type { Convention, OptimizerDefinition, OptimizerId } from './types.js';

export interface TraceStep {
  readonly k: number;
  /** w^(k) */
  readonly w: number[];
  /** f(w^(k)) (the mean loss over all rows, with data) */
  readonly f: number;
  /** The gradient used (the batch mean, with data) */
  readonly grad: number[];
  readonly gradNorm: number;
  /** `\nabla f(4) = 2\cdot 4-4 = 4` and its plain-text twin. */
  readonly gradient: { readonly tex: string; readonly text: string };
  readonly state: { readonly before: Record<string, number[]>; readonly after: Record<string, number[]> };
  /** Quantities computed on the way (ŝ, r̂, the look-ahead gradient, the Hessian…). */
  readonly extras: Record<string, number[]>;
  /** w^(k+1) and f(w^(k+1)) */
  readonly next: number[];
  readonly fNext: number;
  readonly tex: { readonly general: string; readonly substituted: string };
  /**
   * The mini-batch: `rows` are 0-based indices into the data; people see them as row numbers
   * (`numbers`, index + 1, the data table's numbering) in the formula, captions and text.
   */
  readonly batch?: {
    readonly epoch: number;
    readonly rows: number[];
    readonly numbers: number[];
    readonly data: number[][];
  };
  readonly notes: Localized[];
}

export interface Trace {
  readonly optimizer: OptimizerId;
  readonly name: Localized;
  readonly convention: Convention;
  readonly lr: number;
  readonly hyper: Record<string, number>;
  readonly vars: string[];
  /** The named constants held fixed (`params` of prepareObjective), with their values. */
  readonly constants?: Record<string, number>;
  /** The same constants as printed (`a = 1, b = -2`), for a line under the function. */
  readonly held?: { readonly text: string; readonly tex: string };
  readonly expr: { readonly text: string; readonly tex: string };
  /** ∇f: each partial (simplified) as text and TeX, and the whole as TeX. */
  readonly gradient: { readonly text: string[]; readonly tex: string[]; readonly formula: string };
  /** The update rule of this optimizer and convention, in TeX. */
  readonly rule: string;
  /** The parameter vector's components, e.g. `\mathbf{w} = (x, y)`, for n ≥ 2. */
  readonly params?: string;
  readonly status: Status;
  readonly message?: Localized;
  /** A warning that did not end the run (the loss rising step after step), from `step` on. */
  readonly warning?: { readonly step: number; readonly message: Localized };
  readonly path: number[][];
  readonly values: number[];
  readonly steps: TraceStep[];
  readonly backend: CompileBackend;
  readonly data?: {
    readonly columns: string[];
    readonly rows: number;
    readonly batchSize: number;
    readonly epochs: number;
    readonly seed: number;
  };
}

export interface RecordSettings {
  readonly definition: OptimizerDefinition;
  readonly convention: Convention;
  readonly lr: number;
  readonly hyper: Record<string, number>;
  readonly withTex: boolean;
  readonly epochOf?: (k: number) => number;
  readonly batching?: { readonly batchSize: number; readonly epochs: number; readonly seed: number };
}

export function recordTrace(prepared: PreparedObjective, run: NumericRun, settings: RecordSettings): Trace {
  const { definition, convention, lr, hyper, withTex } = settings;
  const vars = [...prepared.vars];
  const gradExprs = prepared.gradient.gradient;
  const columns = prepared.data ? [...prepared.data.columns] : [];
  const rows = prepared.data?.rows ?? [];
  const ctx = texContext(
    vars,
    definition.conventions[convention],
    definition.defaultLr !== undefined && lr === definition.defaultLr,
  );
  const general = ruleTex(ctx);
  const steps: TraceStep[] = run.steps.map((step) => ({
    k: step.k,
    w: step.w,
    f: step.f,
    grad: step.grad,
    gradNorm: step.gradNorm,
    gradient: withTex
      ? gradientAtTex(vars, gradExprs, prepared.params, step, ctx.paramSymbol, columns)
      : { tex: '', text: '' },
    state: { before: step.stateBefore, after: step.stateAfter },
    extras: step.extras,
    next: step.next,
    fNext: step.fNext,
    tex: { general, substituted: withTex ? substitutedTex(ctx, step, lr, hyper) : '' },
    ...(step.batch
      ? {
          batch: {
            epoch: settings.epochOf?.(step.k) ?? 0,
            rows: step.batch,
            numbers: rowNumbers(step.batch),
            data: step.batch.map((i) => [...(rows[i] as readonly number[])]),
          },
        }
      : {}),
    notes: step.notes,
  }));
  const params = paramsTex(vars);
  return {
    optimizer: definition.id,
    name: definition.name,
    convention,
    lr,
    hyper,
    vars,
    ...(Object.keys(prepared.params).length
      ? {
          constants: { ...prepared.params },
          held: { text: constantsText(prepared.params), tex: constantsTex(prepared.params) },
        }
      : {}),
    expr: { text: toText(prepared.expr), tex: toTex(prepared.expr) },
    gradient: {
      text: gradExprs.map((e) => toText(e)),
      tex: gradExprs.map((e) => toTex(e)),
      formula: gradientFormulaTex(vars, gradExprs, columns.length > 0),
    },
    rule: general,
    ...(params ? { params } : {}),
    status: run.status,
    ...(run.message ? { message: run.message } : {}),
    ...(run.warning ? { warning: run.warning } : {}),
    path: run.path,
    values: run.values,
    steps,
    backend: prepared.backend,
    ...(settings.batching ? { data: { columns, rows: rows.length, ...settings.batching } } : {}),
  };
}
