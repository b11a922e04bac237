// The built-in data sets' models, compiled once by the engine for drawing the fit.
import { describe, expect, it } from 'vitest';
import { DATASETS, datasetModel } from '../src/optim/index.js';

describe('datasetModel', () => {
  it('the line data set: the model at its generating parameters is w·x + b', () => {
    const line = DATASETS.find((d) => d.id === 'line');
    if (!line) throw new Error('no line data set');
    const model = datasetModel(line);
    const args = line.params.map((p) => line.truth[p] as number);
    const w = line.truth.w as number;
    const b = line.truth.b as number;
    for (const x of [-2, 0, 0.5, 3]) expect(model(...args, x)).toBeCloseTo(w * x + b, 12);
  });

  it('every data set: compiled once (the same function twice) and finite on its rows', () => {
    for (const dataset of DATASETS) {
      const model = datasetModel(dataset);
      expect(datasetModel(dataset)).toBe(model);
      const args = dataset.params.map((p) => dataset.truth[p] as number);
      for (const row of dataset.rows) expect(Number.isFinite(model(...args, ...row.slice(0, -1)))).toBe(true);
    }
  });
});
