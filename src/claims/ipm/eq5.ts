/**
 * 002 eq. (4) ⇔ eq. (5): for a linear discriminator f = a(x)ᵀθ, the parameter update (4) induces
 * the function update (5) with K = aᵀa (eq. 6). Checked by running both representations side by
 * side through the `ipm` system — θ-space (`paramStep`, eq. 4) and kernel bumps (`functionSpace`
 * with K = featureKernel(a) and f⁰ = a(·)ᵀθ⁰, eq. 5) — and comparing discriminator values and
 * generated points. The two are separate computations of a user's implementation (Σ over features
 * vs Σ over bumps); the feature map and its kernel are built-ins, as eq. (6) defines K from a.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { drawRff } from '../../kernels/rff.ts';
import { featureKernel } from '../../kernels/finite-feature.ts';
import { concatFeatureMaps } from '../../kernels/multiscale.ts';
import { Rng } from '../../random/rng.ts';
import { ipmOf } from './systems.ts';

/** Same arithmetic reassociated (Σ over features vs Σ over bumps): relative rounding ~1e-14 per step, summed over ≤ 25 steps. */
const RTOL = 1e-9;

export const ipmEq5 = property({
  id: 'ipm.eq5',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: '§2, eq. (4)–(6)' },
  statement: 'If we let fᵏ(x) := f(x, θᵏ), then for any fixed x, we have fᵏ⁺¹(x) = fᵏ(x) + η_d(Σᵢ pᵢK(x, xᵢ) − Σⱼ p̃ⱼK(x, x̃ⱼ) − λfᵏ(x)) (5).',
  checks: 'For generated feature maps (RFF, or a two-scale concatenation), points, masses, θ⁰, λ, η_d, η_g, scheme and k ≤ 25 steps: f(x, θᵏ) from eq. (4) equals fᵏ(x) from eq. (5) at random probes and at every x̃ⱼᵏ, and the generated points agree.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['ipm'],
  arbitrary: fc.record({
    d: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 8 }), multiscale: fc.boolean(),
    sigma: fc.double({ min: 0.2, max: 3, noNaN: true }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    nr: fc.integer({ min: 1, max: 3 }), ng: fc.integer({ min: 1, max: 4 }), steps: fc.integer({ min: 1, max: 25 }),
    lambda: fc.double({ min: 0, max: 1, noNaN: true }), etaD: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    etaG: fc.double({ min: 0.001, max: 0.5, noNaN: true }), alternating: fc.boolean(),
  }),
  check: (c, ctx) => {
    const ipm = ipmOf(ctx);
    const rng = new Rng(c.seed);
    const map = c.multiscale ? concatFeatureMaps([drawRff(rng, c.d, c.m, c.sigma), drawRff(rng, c.d, c.m, 4 * c.sigma)]) : drawRff(rng, c.d, c.m, c.sigma);
    const pts = {
      d: c.d, trueX: rng.normals(new Float64Array(c.nr * c.d)), p: Float64Array.from({ length: c.nr }, () => rng.range(0.1, 1)),
      genX: rng.normals(new Float64Array(c.ng * c.d)), pTilde: Float64Array.from({ length: c.ng }, () => rng.range(0.1, 1)),
    };
    const steps = { lambda: c.lambda, etaD: c.etaD, etaG: c.etaG };
    const scheme = c.alternating ? 'alternating' : 'simultaneous';
    const theta0 = rng.normals(new Float64Array(map.size));
    const feat = new Float64Array(map.size);
    // parameter space: (θᵏ, X̃ᵏ), advanced by eq. (4) + (9)/(11b); f(x, θ) = a(x)ᵀθ
    let theta = theta0;
    let genX = pts.genX;
    const fTheta = (x: Float64Array) => { map.features(x, feat); let s = 0; for (let f = 0; f < map.size; f++) s += feat[f]! * theta[f]!; return s; };
    const base = {
      value: (x: Float64Array) => { map.features(x, feat); let s = 0; for (let f = 0; f < map.size; f++) s += feat[f]! * theta0[f]!; return s; },
      grad: (x: Float64Array, out: Float64Array) => map.gradDot(x, theta0, out),
    };
    const fs = ipm.functionSpace(featureKernel(map), pts, steps, scheme, { f0: base });
    const probes = Array.from({ length: 3 }, () => rng.normals(new Float64Array(c.d), 0, 2));
    let worst = 0;
    for (let k = 0; k < c.steps; k++) {
      ({ theta, genX } = ipm.paramStep(map, { ...pts, genX }, steps, scheme, theta));
      fs.step();
      const at = [...probes, ...Array.from({ length: c.ng }, (_, j) => genX.slice(j * c.d, (j + 1) * c.d))];
      for (const x of at) {
        const a = fTheta(x);
        const b = fs.f.value(x);
        const err = Math.abs(a - b) / Math.max(1, Math.abs(a));
        worst = Math.max(worst, err);
        ensure(err <= RTOL, `step ${k + 1}: eq. (4) gives f = ${a}, eq. (5) gives ${b}`, { step: k + 1, a, b });
      }
      for (let i = 0; i < genX.length; i++) {
        const err = Math.abs(genX[i]! - fs.x[i]!) / Math.max(1, Math.abs(genX[i]!));
        worst = Math.max(worst, err);
        ensure(err <= RTOL, `step ${k + 1}: generated point coordinate ${i} differs: ${genX[i]} vs ${fs.x[i]}`, { step: k + 1 });
      }
      // Re-synchronise the generated points: the dynamics can amplify rounding exponentially
      // (large ∇²f, λ = 0), and the claim is about the discriminator update, not trajectory shadowing.
      fs.x.set(genX);
    }
    return { worstRelErr: worst, steps: c.steps };
  },
});
