import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { histogramKl, klDiscrete } from '../../src/metrics/kl.ts';

const probs = (k: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: k, maxLength: k }).map((a) => { const s = a.reduce((x, y) => x + y, 0); return a.map((x) => x / s); });

describe('KL estimators', () => {
  test.prop([fc.integer({ min: 2, max: 12 }).chain((k) => fc.tuple(probs(k), probs(k)))])('KL ≥ 0, = 0 iff equal, and matches the closed form for two bins', ([p, q]) => {
    expect(klDiscrete(p, q)).toBeGreaterThanOrEqual(0);
    expect(klDiscrete(p, p)).toBe(0);
    const direct = p.reduce((s, pk, k) => s + pk * Math.log(pk / q[k]!), 0);
    expect(Math.abs(klDiscrete(p, q) - Math.max(direct, 0))).toBeLessThan(1e-12);
  });
  test.prop([fc.integer({ min: 2, max: 12 }).chain((k) => probs(k)), fc.integer({ min: 100, max: 100000 })])('histogram KL of exact expected counts is ≈ 0 (only the smoothing bias)', (p, n) => {
    const counts = p.map((x) => x * n);
    const kl = histogramKl(p, counts);
    expect(kl).toBeGreaterThanOrEqual(0);
    expect(kl).toBeLessThan((p.length / n) * 2);
  });
  test('a missing mode gives ∞ without smoothing and a large finite value with it; bad input throws', () => {
    expect(klDiscrete([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(histogramKl([0.5, 0.5], [1000, 0])).toBeGreaterThan(2);
    expect(() => klDiscrete([0.5, 0.5], [0.5])).toThrow(/equal length/);
    expect(() => histogramKl([1], [-1])).toThrow(/counts/);
  });
});
