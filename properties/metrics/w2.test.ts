import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { w2PointSets, w2Sorted1d, solveAssignment } from '../../src/metrics/w2.ts';
import { Rng } from '../../src/random/rng.ts';

/** Brute force over all permutations (n ≤ 6): the independent reference for the assignment solver. */
function bruteW2(a: Float64Array[], b: Float64Array[]): number {
  const n = a.length;
  const idx = [...Array(n).keys()];
  let best = Infinity;
  const perm = (k: number): void => {
    if (k === n) {
      let s = 0;
      for (let i = 0; i < n; i++) for (let c = 0; c < a[i]!.length; c++) s += (a[i]![c]! - b[idx[i]!]![c]!) ** 2;
      best = Math.min(best, s);
      return;
    }
    for (let i = k; i < n; i++) {
      [idx[k], idx[i]] = [idx[i]!, idx[k]!];
      perm(k + 1);
      [idx[k], idx[i]] = [idx[i]!, idx[k]!];
    }
  };
  perm(0);
  return Math.sqrt(best / n);
}

const sets = (rng: Rng, n: number, d: number, scale: number) =>
  Array.from({ length: n }, () => rng.normals(new Float64Array(d), 0, scale));

describe('w2PointSets', () => {
  test.prop([fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 150 })(
    'equals brute-force minimum over permutations',
    (n, d, seed) => {
      const rng = new Rng(seed);
      const a = sets(rng, n, d, 1);
      const b = sets(rng, n, d, 2);
      const got = w2PointSets(a, b);
      const ref = bruteW2(a, b);
      expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-12 * Math.max(1, ref));
    },
  );
  test.prop([fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 100 })(
    'is zero on a permuted copy, symmetric, and invariant to a common translation',
    (n, d, seed) => {
      const rng = new Rng(seed);
      const a = sets(rng, n, d, 1);
      const b = rng.shuffle(a.map((x) => Float64Array.from(x)));
      expect(w2PointSets(a, b)).toBeLessThanOrEqual(1e-12);
      const c = sets(rng, n, d, 1);
      expect(Math.abs(w2PointSets(a, c) - w2PointSets(c, a))).toBeLessThanOrEqual(1e-12);
      const t = rng.normals(new Float64Array(d));
      const shift = (s: Float64Array[]) => s.map((x) => x.map((v, i) => v + t[i]!));
      expect(Math.abs(w2PointSets(shift(a), shift(c)) - w2PointSets(a, c))).toBeLessThanOrEqual(1e-9);
    },
  );
  test.prop([fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 100 })(
    '1-D: assignment W₂ equals the sorted coupling',
    (a, seed) => {
      const rng = new Rng(seed);
      const b = a.map(() => rng.range(-50, 50));
      const viaAssignment = w2PointSets(a.map((x) => Float64Array.of(x)), b.map((x) => Float64Array.of(x)));
      expect(Math.abs(viaAssignment - w2Sorted1d(a, b))).toBeLessThanOrEqual(1e-9 * Math.max(1, viaAssignment));
    },
  );
  test('assignment of a 0-size problem and bad input', () => {
    expect(solveAssignment(new Float64Array(0), 0).length).toBe(0);
    expect(() => w2PointSets([Float64Array.of(1)], [])).toThrow(RangeError);
    expect(() => w2PointSets([Float64Array.of(NaN)], [Float64Array.of(0)])).toThrow(RangeError);
    expect(() => w2Sorted1d([1, 2], [1])).toThrow(RangeError);
    expect(() => w2PointSets([Float64Array.of(1, 2)], [Float64Array.of(1)])).toThrow(RangeError);
  });
});
