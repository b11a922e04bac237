import { describe } from 'vitest';
import { reliabilityMatrix } from './support/reliability-matrix.js';

describe('reliability matrix (no policy)', () => {
  reliabilityMatrix();
});
