import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { rffFeatureMap } from '../../../src/kernels/rff.ts';
import { Rng } from '../../../src/random/rng.ts';
import { ParamSpaceIpm, RffBatch, rffMeanTrue } from '../../../src/systems/isolated-points/index.ts';
import { sincosInto } from '../../../src/systems/isolated-points/sincos.ts';

describe('RffBatch (batched eq. 4 + 9) and sincos', () => {
  test.prop([fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 100 })(
    'every step of each trial equals a ParamSpaceIpm step (generic, unbatched code) from the same state, to rounding',
    (trials, d, n, m, steps, seed) => {
      const rng = new Rng(seed);
      const sigma = rng.range(0.2, 3);
      const nr = rng.int(3) + 1;
      const trueX = rng.normals(new Float64Array(nr * d));
      const p = Float64Array.from({ length: nr }, () => rng.range(0.1, 1));
      const pTilde = Float64Array.from({ length: n }, () => rng.range(0.1, 1));
      const omega = rng.normals(new Float64Array(trials * m * d), 0, 1 / sigma);
      const scale = new Float64Array(trials * m).fill(1 / Math.sqrt(m));
      const meanTrue = new Float64Array(trials * 2 * m);
      for (let t = 0; t < trials; t++) rffMeanTrue(omega.subarray(t * m * d, (t + 1) * m * d), scale.subarray(t * m, (t + 1) * m), d, trueX, p, meanTrue.subarray(t * 2 * m, (t + 1) * 2 * m));
      const x0 = rng.normals(new Float64Array(trials * n * d));
      const steps3 = { lambda: rng.range(0, 1), etaD: rng.range(0.001, 0.3), etaG: rng.range(0.001, 0.3) };
      const batch = new RffBatch({ trials, d, m, n, omega, scale, meanTrue, x0, pTilde, ...steps3 });
      // compared step by step from a shared state: the map may amplify ulp-level differences
      // (fdlibm sincos vs Math.sin) exponentially over many steps, which is not an error
      const syss = Array.from({ length: trials }, (_, t) => new ParamSpaceIpm(rffFeatureMap(omega.slice(t * m * d, (t + 1) * m * d), d), { d, trueX, p, genX: x0.slice(t * n * d, (t + 1) * n * d), pTilde }, steps3));
      for (let k = 0; k < steps; k++) {
        syss.forEach((sys, t) => { sys.theta.set(batch.theta.subarray(t * 2 * m, (t + 1) * 2 * m)); sys.x.set(batch.x.subarray(t * n * d, (t + 1) * n * d)); sys.step(); });
        batch.run(1);
        syss.forEach((sys, t) => {
          for (let i = 0; i < n * d; i++) expect(Math.abs(batch.x[t * n * d + i]! - sys.x[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(sys.x[i]!)));
          for (let f = 0; f < 2 * m; f++) expect(Math.abs(batch.theta[t * 2 * m + f]! - sys.theta[f]!)).toBeLessThan(1e-12 * (1 + Math.abs(sys.theta[f]!)));
        });
      }
    },
  );
  test.prop([fc.double({ min: -1e6, max: 1e6, noNaN: true })], { numRuns: 2000 })('sincos matches Math.sin/Math.cos to 4 ulp of 1', (x) => {
    const s = new Float64Array(1);
    const c = new Float64Array(1);
    sincosInto(x, s, c, 0);
    expect(Math.abs(s[0]! - Math.sin(x))).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(Math.abs(c[0]! - Math.cos(x))).toBeLessThanOrEqual(4 * Number.EPSILON);
  });
  test('rejects mismatched shapes', () => {
    const z = new Float64Array(4);
    expect(() => new RffBatch({ trials: 1, d: 2, m: 2, n: 1, omega: new Float64Array(3), scale: new Float64Array(2), meanTrue: z, x0: new Float64Array(2), pTilde: Float64Array.of(1), lambda: 0, etaD: 0.1, etaG: 0.1 })).toThrow(RangeError);
  });
});
