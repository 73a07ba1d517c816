/**
 * Laws of the built-in `ipm` system (src/systems/isolated-points/ipm.ts): one step of each
 * representation equals 002's update written out in the test, and inputs are left unchanged
 * (claims reuse them across steps and finite differences).
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { drawRff } from '../../../src/kernels/rff.ts';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import { Rng } from '../../../src/random/rng.ts';
import { isolatedPoints } from '../../../src/systems/isolated-points/index.ts';

/** One step written two ways (different summation order): rounding only. */
const STEP_RTOL = 1e-12;

const inst = fc.record({
  d: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 5 }), sigma: fc.double({ min: 0.3, max: 3, noNaN: true }),
  nr: fc.integer({ min: 1, max: 3 }), ng: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  lambda: fc.double({ min: 0, max: 2, noNaN: true }), etaD: fc.double({ min: 1e-3, max: 0.5, noNaN: true }), etaG: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
  alternating: fc.boolean(),
});

function setup(c: { d: number; nr: number; ng: number; seed: number }) {
  const rng = new Rng(c.seed);
  return {
    rng,
    pts: {
      d: c.d, trueX: rng.normals(new Float64Array(c.nr * c.d)), p: Float64Array.from({ length: c.nr }, () => rng.range(0.1, 1)),
      genX: rng.normals(new Float64Array(c.ng * c.d)), pTilde: Float64Array.from({ length: c.ng }, () => rng.range(0.1, 1)),
    },
  };
}

const close = (a: number, b: number) => Math.abs(a - b) <= STEP_RTOL * Math.max(1, Math.abs(b));

describe('the built-in ipm system', () => {
  test.prop([inst], { numRuns: 100 })('paramStep is eq. (4) + (9)/(11b), written out; inputs unchanged', (c) => {
    const { rng, pts } = setup(c);
    const map = drawRff(rng, c.d, c.m, c.sigma);
    const F = map.size;
    const theta = rng.normals(new Float64Array(F));
    const [theta0, genX0] = [theta.slice(), pts.genX.slice()];
    const scheme = c.alternating ? 'alternating' : 'simultaneous';
    const next = isolatedPoints.paramStep(map, pts, c, scheme, theta);
    expect(theta).toEqual(theta0);
    expect(pts.genX).toEqual(genX0);
    // θ′ = θ + η_d (Σ pᵢ a(xᵢ) − Σ p̃ⱼ a(x̃ⱼ) − λθ)
    const want = theta.map((t) => t - c.etaD * c.lambda * t);
    const a = new Float64Array(F);
    for (let i = 0; i < c.nr; i++) { map.features(pts.trueX.subarray(i * c.d, (i + 1) * c.d), a); for (let f = 0; f < F; f++) want[f] += c.etaD * pts.p[i]! * a[f]!; }
    for (let j = 0; j < c.ng; j++) { map.features(pts.genX.subarray(j * c.d, (j + 1) * c.d), a); for (let f = 0; f < F; f++) want[f] -= c.etaD * pts.pTilde[j]! * a[f]!; }
    for (let f = 0; f < F; f++) expect(close(next.theta[f]!, want[f]!), `θ′[${f}] = ${next.theta[f]} vs ${want[f]}`).toBe(true);
    // x̃ⱼ′ = x̃ⱼ + η_g p̃ⱼ J(x̃ⱼ)ᵀθ (θ′ for alternating), J from the feature Jacobian
    const J = new Float64Array(F * c.d);
    const th = c.alternating ? want : theta;
    for (let j = 0; j < c.ng; j++) {
      map.jacobian(pts.genX.subarray(j * c.d, (j + 1) * c.d), J);
      for (let b = 0; b < c.d; b++) {
        let g = 0;
        for (let f = 0; f < F; f++) g += J[f * c.d + b]! * th[f]!;
        const x = pts.genX[j * c.d + b]! + c.etaG * pts.pTilde[j]! * g;
        expect(close(next.genX[j * c.d + b]!, x), `x̃′ = ${next.genX[j * c.d + b]} vs ${x}`).toBe(true);
      }
    }
  });

  test.prop([inst], { numRuns: 100 })('functionSpace: one step is eq. (5) + (9)/(11b) from f⁰ = Σ c⁰ᵢ K(·, xᵢ), written out', (c) => {
    const { rng, pts } = setup(c);
    const K = rbfKernel(c.sigma);
    const c0 = Float64Array.from({ length: c.nr }, () => rng.normal());
    const genX0 = pts.genX.slice();
    const run = isolatedPoints.functionSpace(K, pts, c, c.alternating ? 'alternating' : 'simultaneous', { c0 });
    run.step();
    expect(pts.genX).toEqual(genX0);
    const row = (a: Float64Array, i: number) => a.subarray(i * c.d, (i + 1) * c.d);
    // f¹ = (1 − η_dλ) f⁰ + η_d (Σ pᵢ K(·, xᵢ) − Σ p̃ⱼ K(·, x̃ⱼ⁰))
    const f1 = (x: Float64Array) => {
      let s = 0;
      for (let i = 0; i < c.nr; i++) s += ((1 - c.etaD * c.lambda) * c0[i]! + c.etaD * pts.p[i]!) * K.k(x, row(pts.trueX, i));
      for (let j = 0; j < c.ng; j++) s -= c.etaD * pts.pTilde[j]! * K.k(x, row(genX0, j));
      return s;
    };
    const grad = (x: Float64Array, which: 0 | 1) => {
      const g = new Float64Array(c.d);
      const t = new Float64Array(c.d);
      for (let i = 0; i < c.nr; i++) {
        K.gradX(x, row(pts.trueX, i), t);
        const w = which === 0 ? c0[i]! : (1 - c.etaD * c.lambda) * c0[i]! + c.etaD * pts.p[i]!;
        for (let b = 0; b < c.d; b++) g[b] += w * t[b]!;
      }
      if (which === 1) for (let j = 0; j < c.ng; j++) { K.gradX(x, row(genX0, j), t); for (let b = 0; b < c.d; b++) g[b] -= c.etaD * pts.pTilde[j]! * t[b]!; }
      return g;
    };
    for (let q = 0; q < 3; q++) {
      const x = rng.normals(new Float64Array(c.d));
      expect(close(run.f.value(x), f1(x)), `f¹(x) = ${run.f.value(x)} vs ${f1(x)}`).toBe(true);
    }
    for (let j = 0; j < c.ng; j++) {
      const g = grad(row(genX0, j), c.alternating ? 1 : 0);
      for (let b = 0; b < c.d; b++) {
        const x = genX0[j * c.d + b]! + c.etaG * pts.pTilde[j]! * g[b]!;
        expect(close(run.x[j * c.d + b]!, x), `x̃¹ = ${run.x[j * c.d + b]} vs ${x}`).toBe(true);
      }
    }
  });
});
