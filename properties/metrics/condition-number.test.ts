import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { fromRows } from '../../src/linalg/matrix.ts';
import { conditionNumber, conditionNumberFromEigenvalues, meanLogConditionNumber } from '../../src/metrics/condition-number.ts';

describe('condition number', () => {
  test.prop([fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 6.3, noNaN: true })], { numRuns: 100 })(
    'of a rotated diagonal matrix is the eigenvalue ratio',
    (a, b, th) => {
      const c = Math.cos(th), s = Math.sin(th);
      const M = fromRows([[a * c * c + b * s * s, (a - b) * c * s], [(a - b) * c * s, a * s * s + b * c * c]]);
      const k = Math.max(a, b) / Math.min(a, b);
      expect(Math.abs(conditionNumber(M) - k)).toBeLessThanOrEqual(1e-9 * k * k);
    },
  );
  test('singular → ∞, mean log, bad input', () => {
    expect(conditionNumberFromEigenvalues([0, 1])).toBe(Infinity);
    expect(meanLogConditionNumber([fromRows([[1, 0], [0, Math.E]]), fromRows([[1, 0], [0, 1]])])).toBeCloseTo(0.5, 12);
    expect(() => conditionNumberFromEigenvalues([])).toThrow(/non-empty/);
    expect(() => conditionNumberFromEigenvalues([-2, -1])).toThrow(/PSD/);
  });
});
