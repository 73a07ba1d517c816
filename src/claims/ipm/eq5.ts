/**
 * 002 eq. (4) ⇔ eq. (5): for a linear discriminator f = a(x)ᵀθ, the parameter update (4) induces
 * the function update (5) with K = aᵀa (eq. 6). Checked by running both representations side by
 * side — θ-space (ParamSpaceIpm) and kernel bumps (FunctionSpaceIpm with K = featureKernel(a) and
 * f⁰ = a(·)ᵀθ⁰) — and comparing discriminator values and generated points.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { drawRff } from '../../kernels/rff.ts';
import { featureKernel } from '../../kernels/finite-feature.ts';
import { concatFeatureMaps } from '../../kernels/multiscale.ts';
import { Rng } from '../../random/rng.ts';
import { FunctionSpaceIpm, ParamSpaceIpm } from '../../systems/isolated-points/index.ts';

/** Same arithmetic reassociated (Σ over features vs Σ over bumps): relative rounding ~1e-14 per step, summed over ≤ 25 steps. */
const RTOL = 1e-9;

export const ipmEq5 = property({
  id: 'ipm.eq5',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: '§2, eq. (4)–(6)' },
  statement: 'If we let fᵏ(x) := f(x, θᵏ), then for any fixed x, we have fᵏ⁺¹(x) = fᵏ(x) + η_d(Σᵢ pᵢK(x, xᵢ) − Σⱼ p̃ⱼK(x, x̃ⱼ) − λfᵏ(x)) (5).',
  checks: 'For generated feature maps (RFF, or a two-scale concatenation), points, masses, θ⁰, λ, η_d, η_g, scheme and k ≤ 25 steps: f(x, θᵏ) from eq. (4) equals fᵏ(x) from eq. (5) at random probes and at every x̃ⱼᵏ, and the generated points agree.',
  tier: 'fast', kind: 'property', expect: 'holds',
  exercises: ['isolated-points'],
  arbitrary: fc.record({
    d: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 8 }), multiscale: fc.boolean(),
    sigma: fc.double({ min: 0.2, max: 3, noNaN: true }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    nr: fc.integer({ min: 1, max: 3 }), ng: fc.integer({ min: 1, max: 4 }), steps: fc.integer({ min: 1, max: 25 }),
    lambda: fc.double({ min: 0, max: 1, noNaN: true }), etaD: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    etaG: fc.double({ min: 0.001, max: 0.5, noNaN: true }), alternating: fc.boolean(),
  }),
  check: (c) => {
    const rng = new Rng(c.seed);
    const map = c.multiscale ? concatFeatureMaps([drawRff(rng, c.d, c.m, c.sigma), drawRff(rng, c.d, c.m, 4 * c.sigma)]) : drawRff(rng, c.d, c.m, c.sigma);
    const pts = {
      d: c.d, trueX: rng.normals(new Float64Array(c.nr * c.d)), p: Float64Array.from({ length: c.nr }, () => rng.range(0.1, 1)),
      genX: rng.normals(new Float64Array(c.ng * c.d)), pTilde: Float64Array.from({ length: c.ng }, () => rng.range(0.1, 1)),
    };
    const steps = { lambda: c.lambda, etaD: c.etaD, etaG: c.etaG };
    const scheme = c.alternating ? 'alternating' : 'simultaneous';
    const theta0 = rng.normals(new Float64Array(map.size));
    const ps = new ParamSpaceIpm(map, pts, steps, scheme, theta0);
    const feat = new Float64Array(map.size);
    const base = {
      value: (x: Float64Array) => { map.features(x, feat); let s = 0; for (let f = 0; f < map.size; f++) s += feat[f]! * theta0[f]!; return s; },
      grad: (x: Float64Array, out: Float64Array) => map.gradDot(x, theta0, out),
    };
    const fs = new FunctionSpaceIpm(featureKernel(map), pts, steps, scheme, base);
    const probes = Array.from({ length: 3 }, () => rng.normals(new Float64Array(c.d), 0, 2));
    let worst = 0;
    for (let k = 0; k < c.steps; k++) {
      ps.step();
      fs.step();
      const at = [...probes, ...Array.from({ length: c.ng }, (_, j) => ps.x.slice(j * c.d, (j + 1) * c.d))];
      for (const x of at) {
        const a = ps.value(x);
        const b = fs.f.value(x);
        const err = Math.abs(a - b) / Math.max(1, Math.abs(a));
        worst = Math.max(worst, err);
        ensure(err <= RTOL, `step ${k + 1}: eq. (4) gives f = ${a}, eq. (5) gives ${b}`, { step: k + 1, a, b });
      }
      for (let i = 0; i < ps.x.length; i++) {
        const err = Math.abs(ps.x[i]! - fs.x[i]!) / Math.max(1, Math.abs(ps.x[i]!));
        worst = Math.max(worst, err);
        ensure(err <= RTOL, `step ${k + 1}: generated point coordinate ${i} differs: ${ps.x[i]} vs ${fs.x[i]}`, { step: k + 1 });
      }
      // Re-synchronise the generated points: the dynamics can amplify rounding exponentially
      // (large ∇²f, λ = 0), and the claim is about the discriminator update, not trajectory shadowing.
      fs.x.set(ps.x);
    }
    return { worstRelErr: worst, steps: c.steps };
  },
});
