import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../src/random/rng.ts';
import { fromRows } from '../../src/linalg/matrix.ts';
import { frechetDistance, gaussianStats } from '../../src/metrics/fid.ts';

describe('frechetDistance', () => {
  test.prop([fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })], { numRuns: 100 })(
    'in 1-D equals (m − m′)² + (s − s′)² (the W2² between Gaussians)',
    (m1, m2, s1, s2) => {
      const f = frechetDistance({ mean: Float64Array.of(m1), cov: fromRows([[s1 * s1]]) }, { mean: Float64Array.of(m2), cov: fromRows([[s2 * s2]]) });
      const ref = (m1 - m2) ** 2 + (s1 - s2) ** 2;
      expect(Math.abs(f - ref)).toBeLessThanOrEqual(1e-10 * (1 + ref));
    },
  );
  test('rejects mismatched shapes and non-finite entries', () => {
    const a = { mean: Float64Array.of(0, 0), cov: fromRows([[1, 0], [0, 1]]) };
    expect(() => frechetDistance(a, { mean: Float64Array.of(0), cov: fromRows([[1]]) })).toThrow(/dimension/);
    expect(() => frechetDistance(a, { mean: Float64Array.of(0, NaN), cov: a.cov })).toThrow(/non-finite/);
  });
});

describe('gaussianStats', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 4 })], { numRuns: 100 })(
    'rows and Matrix input agree; covariance is symmetric with the (n − 1) normalisation',
    (seed, n, d) => {
      const rng = new Rng(seed);
      const rows = Array.from({ length: n }, () => rng.normals(new Float64Array(d)));
      const a = gaussianStats(rows);
      const flat = new Float64Array(n * d);
      rows.forEach((r, i) => flat.set(r, i * d));
      const b = gaussianStats({ rows: n, cols: d, data: flat });
      a.cov.data.forEach((v, i) => expect(v).toBeCloseTo(b.cov.data[i]!, 12));
      let v00 = 0;
      for (const r of rows) v00 += (r[0]! - a.mean[0]!) ** 2;
      expect(a.cov.data[0]!).toBeCloseTo(v00 / (n - 1), 12);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(a.cov.data[i * d + j]).toBe(a.cov.data[j * d + i]);
    },
  );
  test('needs two samples', () => {
    expect(() => gaussianStats([new Float64Array(2)])).toThrow(/at least 2/);
  });
});
