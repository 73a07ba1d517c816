import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { drawRff } from '../../../src/kernels/rff.ts';
import { concatFeatureMaps } from '../../../src/kernels/multiscale.ts';
import { jacobianFD, relFroError } from '../../../src/linalg/index.ts';
import { Rng } from '../../../src/random/rng.ts';
import { ParamSpaceIpm, paramStepJacobian } from '../../../src/systems/isolated-points/index.ts';

/** Central differences (h ~ 6e-6·max(1,|x|)): Jacobian entries good to ~1e-9 relative. */
const JAC_RTOL = 1e-6;

const inst = fc.record({
  d: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 5 }), multi: fc.boolean(), sigma: fc.double({ min: 0.3, max: 3, noNaN: true }),
  nr: fc.integer({ min: 1, max: 3 }), ng: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  lambda: fc.double({ min: 0, max: 2, noNaN: true }), etaD: fc.double({ min: 1e-3, max: 0.5, noNaN: true }), etaG: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
  alternating: fc.boolean(),
});

function build(c: fc.Arbitrary<unknown> extends never ? never : any) {
  const rng = new Rng(c.seed);
  const map = c.multi ? concatFeatureMaps([drawRff(rng, c.d, c.m, c.sigma), drawRff(rng, c.d, c.m, 3 * c.sigma)]) : drawRff(rng, c.d, c.m, c.sigma);
  const pts = {
    d: c.d, trueX: rng.normals(new Float64Array(c.nr * c.d)), p: Float64Array.from({ length: c.nr }, () => rng.range(0.1, 1)),
    genX: rng.normals(new Float64Array(c.ng * c.d)), pTilde: Float64Array.from({ length: c.ng }, () => rng.range(0.1, 1)),
  };
  const sys = new ParamSpaceIpm(map, pts, { lambda: c.lambda, etaD: c.etaD, etaG: c.etaG }, c.alternating ? 'alternating' : 'simultaneous', rng.normals(new Float64Array(map.size)));
  return { sys, rng };
}

describe('ParamSpaceIpm (eq. 4 + 9 / 11b)', () => {
  test.prop([inst], { numRuns: 120 })('analytic one-step Jacobian equals the central-difference Jacobian at random states', (c) => {
    const { sys } = build(c);
    const s = Float64Array.from(sys.state);
    const err = relFroError(paramStepJacobian(sys, s), jacobianFD((x) => sys.map1(x), s));
    expect(err).toBeLessThan(JAC_RTOL);
  });
  test.prop([inst], { numRuns: 100 })('one step changes θ by η_d(Σpa(x) − Σp̃a(x̃) − λθ) exactly as written in eq. (4)', (c) => {
    const { sys } = build(c);
    const { map, points } = sys;
    const before = Float64Array.from(sys.theta);
    const x = Float64Array.from(sys.x);
    sys.step();
    const a = new Float64Array(map.size);
    const want = before.map((t) => t - c.etaD * c.lambda * t);
    for (let i = 0; i < points.p.length; i++) { map.features(points.trueX.subarray(i * c.d, (i + 1) * c.d), a); for (let f = 0; f < map.size; f++) want[f] += c.etaD * points.p[i]! * a[f]!; }
    for (let j = 0; j < points.pTilde.length; j++) { map.features(x.subarray(j * c.d, (j + 1) * c.d), a); for (let f = 0; f < map.size; f++) want[f] -= c.etaD * points.pTilde[j]! * a[f]!; }
    for (let f = 0; f < map.size; f++) expect(Math.abs(sys.theta[f]! - want[f]!)).toBeLessThan(1e-12 * (1 + Math.abs(want[f]!)));
  });
  test('rejects bad input', () => {
    const rng = new Rng(1);
    const map = drawRff(rng, 2, 3, 1);
    const ok = { d: 2, trueX: new Float64Array(2), p: Float64Array.of(1), genX: new Float64Array(2), pTilde: Float64Array.of(1) };
    expect(() => new ParamSpaceIpm(map, { ...ok, p: Float64Array.of(-1) }, { lambda: 0.1, etaD: 0.1, etaG: 0.1 })).toThrow(RangeError);
    expect(() => new ParamSpaceIpm(map, { ...ok, genX: new Float64Array(3) }, { lambda: 0.1, etaD: 0.1, etaG: 0.1 })).toThrow(RangeError);
    expect(() => new ParamSpaceIpm(map, ok, { lambda: NaN, etaD: 0.1, etaG: 0.1 })).toThrow(RangeError);
    expect(() => new ParamSpaceIpm(drawRff(rng, 3, 3, 1), ok, { lambda: 0.1, etaD: 0.1, etaG: 0.1 })).toThrow(RangeError);
  });
});
