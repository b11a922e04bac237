// The playground's URL state takes its optimizer settings from the engine's descriptions.
import { describe, expect, it } from 'vitest';
import { hyperOf, LIMITS, readState, writeState } from '../app/state.js';
import { findOptimizer, HYPER_SETTINGS } from '../src/optim/index.js';

describe('app state: optimizer settings from the engine', () => {
  it("a link to Newton's method without a rate gets its own default ε = 1; a given rate is kept", () => {
    expect(readState('?view=playground&tab=optimize&opt=newton', 'en').lr).toBe(1);
    expect(readState('?view=playground&tab=optimize&opt=newton&lr=0.3', 'en').lr).toBe(0.3);
    expect(readState('?view=playground&tab=optimize&opt=gd', 'en').lr).toBe(0.2);
  });

  it("each optimizer's fields are the hyper-parameters it declares, by their public names", () => {
    expect(hyperOf('adam')).toEqual(['beta1', 'beta2', 'delta']);
    expect(hyperOf('gd')).toEqual([]);
    for (const id of ['momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'gd-halving', 'newton'] as const) {
      expect(hyperOf(id)).toEqual(findOptimizer(id)?.hyper.map((h) => h.publicName));
    }
  });

  it('every hyper-parameter has field bounds, and a value in the URL round-trips', () => {
    for (const s of Object.values(HYPER_SETTINGS)) {
      const [lo, hi] = LIMITS.hyper[s.name];
      expect(lo).toBeLessThan(hi);
    }
    const state = readState('?view=playground&tab=optimize&opt=adam&beta1=0.8', 'en');
    expect(state.hyper.beta1).toBe(0.8);
    expect(readState(writeState(state), 'en').hyper.beta1).toBe(0.8);
    expect(readState('?view=playground&tab=optimize&opt=adam&beta1=7', 'en').hyper.beta1).toBeLessThan(1);
  });
});
