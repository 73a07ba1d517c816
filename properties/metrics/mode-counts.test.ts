import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../src/random/rng.ts';
import { classCounts, modeCounts } from '../../src/metrics/mode-counts.ts';

describe('modeCounts', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 50 })], { numRuns: 100 })(
    'samples placed at chosen centres are counted there; far samples are not counted',
    (seed, K, n) => {
      const rng = new Rng(seed);
      const centres = Array.from({ length: K }, (_, k) => Float64Array.of(10 * k, 0));
      const chosen = Array.from({ length: n }, () => rng.int(K));
      const samples = chosen.map((k) => Float64Array.of(10 * k + 0.1 * rng.range(-1, 1), 0.1 * rng.range(-1, 1)));
      samples.push(Float64Array.of(5, 5), Float64Array.of(0.6, 0)); // far, and just outside the radius of centre 0
      const r = modeCounts(samples, centres, 0.5);
      for (let k = 0; k < K; k++) expect(r.counts[k]).toBe(chosen.filter((c) => c === k).length);
      expect(r.highQualityFraction).toBeCloseTo(n / (n + 2), 12);
      expect(r.modesCovered).toBe(new Set(chosen).size);
      expect(r.leastSampled).toBe(Math.min(...Array.from(r.counts)));
    },
  );
  test('classCounts and bad inputs', () => {
    expect(Array.from(classCounts([0, 2, 2], 3).counts)).toEqual([1, 0, 2]);
    expect(classCounts([0, 2, 2], 3).leastSampled).toBe(0);
    expect(() => classCounts([3], 3)).toThrow(/labels\[0\]/);
    expect(() => modeCounts([], [Float64Array.of(0)], 0)).toThrow(/radius/);
  });
});
