/** RunningMean against a two-pass computation, and the Bonferroni z bound against the normal tail. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { RunningMean, bonferroniZ } from '../../src/stats/mean-z.ts';
import { normalSf } from '../../src/stats/normal.ts';

describe('RunningMean', () => {
  test.prop([fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 60 })])('mean and variance equal the two-pass formulas', (xs) => {
    const r = new RunningMean();
    xs.forEach((x) => r.add(x));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(r.mean - m)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(m)));
    expect(Math.abs(r.variance - v)).toBeLessThanOrEqual(1e-8 * (1 + v));
    expect(Math.abs(r.se - Math.sqrt(v / xs.length))).toBeLessThanOrEqual(1e-8 * (1 + Math.sqrt(v)));
  });
});

describe('bonferroniZ', () => {
  test.prop([fc.double({ min: 1e-12, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 1000 })])('2·k·P(Z > z) = α', (alpha, k) => {
    const z = bonferroniZ(alpha, k);
    expect(Math.abs((2 * k * normalSf(z)) / alpha - 1)).toBeLessThan(1e-9);
  });
  test('bad input names the argument', () => {
    expect(() => bonferroniZ(0, 3)).toThrow(/alpha/);
    expect(() => bonferroniZ(0.01, 0)).toThrow(/tests/);
  });
});
