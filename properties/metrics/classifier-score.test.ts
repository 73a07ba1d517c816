import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { fromRows, matrix } from '../../src/linalg/matrix.ts';
import { classifierScore } from '../../src/metrics/classifier-score.ts';

describe('classifierScore', () => {
  test.prop([fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 9 })], { numRuns: 100 })(
    'confident predictions on k of K classes, equally often, score exactly k',
    (K, k0) => {
      const k = Math.min(k0, K);
      const rows = Array.from({ length: 3 * k }, (_, i) => Array.from({ length: K }, (_, c) => (c === i % k ? 1 : 0)));
      expect(classifierScore(fromRows(rows))).toBeCloseTo(k, 12);
    },
  );
  test('rejects rows that are not distributions', () => {
    expect(() => classifierScore(fromRows([[0.5, 0.6]]))).toThrow(/sums to/);
    expect(() => classifierScore(fromRows([[-0.1, 1.1]]))).toThrow(/not a probability/);
    expect(() => classifierScore(matrix(0, 3))).toThrow(/n×K/);
  });
});
