/**
 * 002 Theorem 1 (first part): with x̃ⱼ* = xᵢ there is a unique θᵢ* making (θᵢ*, X̃ᵢ*) an equilibrium
 * of (12). Closed form θᵢ* = (Δᵢ/λ) a(xᵢ) (f* = (Δᵢ/λ) K(·, xᵢ)); ∇f*(xᵢ) = 0 by eq. (16).
 * Checks, independent of that closed form: (i) one step of the parameter-space map (RFF) and of
 * the function-space map (exact RBF) leaves the state unchanged; (ii) uniqueness: with X̃ = X̃*
 * the θ-update is affine with Jacobian (1 − η_dλ)I (FD), so 1 is not an eigenvalue and the fixed
 * point is unique; iterating it from a random θ⁰ converges to θ*.
 * Both maps are the `ipm` system's steps, the function-space one with the `kernel` system's K_σ.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureAllClose } from '../assert.ts';
import { drawRff } from '../../kernels/rff.ts';
import { jacobianFD } from '../../linalg/jacobian-fd.ts';
import { eig } from '../../linalg/eig.ts';
import { Rng } from '../../random/rng.ts';
import { excessMass, thm1ThetaStar } from '../../systems/isolated-points/index.ts';
import { systemsOf } from './systems.ts';

/** One step from an exact fixed point moves the state by rounding only (a few ulps of |θ|, |x|). */
const FIXED_ATOL = 1e-12;
/** θ-iteration contracts to θ* at exactly (1 − η_dλ) per step: rounding over ITERS steps ~1e-13 relative. */
const CONV_RTOL = 1e-9;
const ITERS = 50;

export const ipmEquilibrium = property({
  id: 'ipm.equilibrium',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: 'Theorem 1, eq. (18)' },
  statement: 'Then, there is a unique θᵢ* such that (θᵢ*, X̃ᵢ*) is an equilibrium point of the GAN dynamics (12) in the region Vᵢ.',
  checks: 'For generated d, m, σ, masses, λ, η_d, μ: (θ*, x̃* = xᵢ) is a fixed point of the parameter-space map (RFF) and of the function-space map (exact RBF); ∂θ′/∂θ (FD) has no eigenvalue 1; the θ-iteration from a random θ⁰ converges to θ*.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['kernel', 'ipm'],
  exercises: ['isolated-points'],
  arbitrary: fc.record({
    d: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 6 }), sigma: fc.double({ min: 0.2, max: 5, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), pTilde: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
    pi: fc.double({ min: 0.05, max: 2, noNaN: true }), lambda: fc.double({ min: 0.01, max: 2, noNaN: true }),
    etaD: fc.double({ min: 0.001, max: 0.5, noNaN: true }), mu: fc.double({ min: 0.1, max: 10, noNaN: true }),
  }),
  check: ({ d, m, sigma, seed, pTilde, pi, lambda, etaD, mu }, ctx) => {
    const { kernel, ipm } = systemsOf(ctx);
    const rng = new Rng(seed);
    const xi = rng.normals(new Float64Array(d));
    const pT = Float64Array.from(pTilde);
    const delta = excessMass(pi, pT);
    const genX = new Float64Array(pT.length * d);
    for (let j = 0; j < pT.length; j++) genX.set(xi, j * d);
    const pts = { d, trueX: xi, p: Float64Array.of(pi), genX, pTilde: pT };
    const steps = { lambda, etaD, etaG: mu * etaD };
    // (i) parameter space, RFF
    const map = drawRff(rng, d, m, sigma);
    const thetaStar = thm1ThetaStar(map.features, map.size, xi, delta, lambda);
    const next = ipm.paramStep(map, pts, steps, 'simultaneous', thetaStar);
    let moved = 0;
    for (let f = 0; f < map.size; f++) moved = Math.max(moved, Math.abs(next.theta[f]! - thetaStar[f]!));
    for (let i = 0; i < genX.length; i++) moved = Math.max(moved, Math.abs(next.genX[i]! - genX[i]!));
    ensure(moved <= FIXED_ATOL * (1 + Math.abs(delta) / lambda), `parameter-space state moved by ${moved} in one step from the equilibrium`, { moved });
    // (i) function space, exact RBF: f⁰ = (Δ/λ)K(·, xᵢ)
    const fsys = ipm.functionSpace(kernel(sigma), pts, steps, 'simultaneous', { c0: Float64Array.of(delta / lambda) });
    const probe = rng.normals(new Float64Array(d), 0, sigma).map((v, a) => v + xi[a]!);
    const before = fsys.f.value(probe);
    fsys.step();
    let movedF = Math.abs(fsys.f.value(probe) - before);
    for (let i = 0; i < genX.length; i++) movedF = Math.max(movedF, Math.abs(fsys.x[i]! - genX[i]!));
    ensure(movedF <= FIXED_ATOL * (1 + Math.abs(delta) / lambda), `function-space state moved by ${movedF} in one step`, { movedF });
    // (ii) uniqueness: θ-part of the map with x̃ frozen at xᵢ
    const thetaMap = (th: Float64Array) => ipm.paramStep(map, pts, steps, 'simultaneous', th).theta;
    const J = jacobianFD(thetaMap, thetaStar);
    const ev = eig(J);
    let gap = Infinity;
    for (let i = 0; i < ev.re.length; i++) gap = Math.min(gap, Math.hypot(ev.re[i]! - 1, ev.im[i]!));
    ensure(gap > 0.5 * etaD * lambda, `∂θ′/∂θ has an eigenvalue within ${gap} of 1 (expected η_dλ = ${etaD * lambda})`, { gap });
    // contraction towards θ*: ‖θᵏ − θ*‖ = (1 − η_dλ)ᵏ ‖θ⁰ − θ*‖ exactly (affine map, scalar factor)
    let th = rng.normals(new Float64Array(map.size));
    const dist = (v: Float64Array) => Math.hypot(...v.map((x, f) => x - thetaStar[f]!));
    const d0 = dist(th);
    for (let k = 0; k < ITERS; k++) th = thetaMap(th);
    const want = d0 * (1 - etaD * lambda) ** ITERS;
    ensureAllClose('‖θᵏ − θ*‖ vs (1 − η_dλ)ᵏ‖θ⁰ − θ*‖', [dist(th)], [want], CONV_RTOL, 1e-12);
    return { moved, movedF, eigGap: gap, etaLambda: etaD * lambda };
  },
});
