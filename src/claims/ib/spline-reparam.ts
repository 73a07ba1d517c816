/**
 * ib.spline-reparam — 000 Def. 2, eq. (2): Σ v_i ReLU(w_iᵀx + b_i) = Σ μ_i ReLU(ξ_iᵀx − β_i) with
 * ξ = w/‖w‖, β = −b/‖w‖, μ = v‖w‖; in 1-D the slope of h jumps by μ_iξ_i exactly at β_iξ_i.
 * Reading of "jumps by μ_iξ_i" (the paper: "μ_i corresponds to the change of slope of h in the half
 * space … where neuron i is active"): dh/dx on the active side (ξ_i x > β_i) minus dh/dx on the
 * inactive side equals μ_iξ_i; as right-minus-left it is μ_i whatever the orientation (for
 * ξ_i = −1 the active side is the left one). Both forms are checked.
 *
 * Independent sides: the network's own forward pass (θ-parameterisation) vs the spline evaluation
 * (ψ-parameterisation); in 1-D, one-sided difference quotients of the forward pass on either side
 * of each breakpoint (h is linear between breakpoints, so they are exact up to rounding). The
 * forward pass is the system's (`shallow-relu-gan`, `--impl`); the spline parameters and their
 * evaluation are the reference's (eq. 2 transcribed in src/systems/shallow-relu-gan/spline.ts).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { evalSpline, toSpline } from '../../systems/shallow-relu-gan/index.ts';
import { randomNet, randomPoints } from './nets.ts';
import { ganSystem } from './systems.ts';

/** h from θ vs from ψ: sums of H ≤ 16 products, a few ulps each, relative to Σ|terms|. */
const VALUE_RTOL = 1e-12;
/** Slope jump from one-sided differences with step ≤ gap/4: rounding ~ ε·Σ|terms|/step. */
const JUMP_RTOL = 1e-6;

export const ibSplineReparam = property({
  id: 'ib.spline-reparam',
  source: { paper: '000_cdda2fe4dacffe72.txt', where: '§4.1, Def. 2, eq. (2), Fig. 2' },
  statement: 'ξ_i := w_i/‖w_i‖₂ is the breakplane\'s orientation, β_i := −b_i/‖w_i‖₂ is the breakplane\'s distance from the origin, and μ_i := v_i‖w_i‖₂ is the delta-slope. Then, h(x) can be written as y = Σ v_i ReLU(w_iᵀx + b_i) := Σ μ_i ReLU(ξ_iᵀx − β_i) … in 1D … μ_i corresponds to the change of slope of h … where neuron i is active.',
  checks: 'For generated shallow ReLU nets (d ∈ 1..3, D ∈ 1..2, H ∈ 1..16, parameter scale 0.1–10) and 6 inputs: the forward pass equals the spline form of eq. (2) (rtol 1e-12 of Σ|terms|); for a generated 1-D net, at every breakpoint β_iξ_i the slope of h on the neuron\'s active side minus that on its inactive side (one-sided differences of the forward pass) equals μ_iξ_i, i.e. right-minus-left equals μ_i (rtol 1e-6 of Σ|μ|), and ‖ξ_i‖ = 1.',
  tier: 'fast', kind: 'property', expect: 'holds',
  notes: 'The catalog\'s "slope jumps by μᵢξᵢ" holds as active-side minus inactive-side slope (the paper\'s "change of slope … where neuron i is active"); read as right-minus-left it would fail for every neuron with ξᵢ = −1, whose right-minus-left jump is μᵢ.',
  systems: ['shallow-relu-gan'],
  arbitrary: fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    D: fc.integer({ min: 1, max: 2 }),
    H: fc.integer({ min: 1, max: 16 }),
    scale: fc.double({ min: 0.1, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }),
  check: ({ d, D, H, scale, seed }, ctx) => {
    const sys = ganSystem(ctx);
    const net = randomNet(d, H, D, seed, scale);
    const sp = toSpline(net);
    const n = 6;
    const X = randomPoints(n, d, seed ^ 0x5bd1e995, 2 * scale);
    const Y = sys.forward(net, X, n);
    let worst = 0;
    const out = new Float64Array(D);
    for (let s = 0; s < n; s++) {
      evalSpline(sp, net.c, X.subarray(s * d, (s + 1) * d), out);
      for (let j = 0; j < D; j++) {
        let mag = Math.abs(net.c[j]!);
        for (let i = 0; i < H; i++) {
          let a = net.b[i]!;
          for (let k = 0; k < d; k++) a += net.W[i * d + k]! * X[s * d + k]!;
          mag += Math.abs(net.V[j * H + i]! * a);
        }
        const err = Math.abs(out[j]! - Y[s * D + j]!);
        ensure(err <= VALUE_RTOL * mag + 1e-300, `h(x) from θ (${Y[s * D + j]}) ≠ spline form (${out[j]})`, { s, j, err, mag });
        worst = Math.max(worst, err / Math.max(mag, 1e-300));
      }
    }
    for (let i = 0; i < H; i++) {
      let q = 0;
      for (let k = 0; k < d; k++) q += sp.xi[i * d + k]! ** 2;
      ensureClose(`‖ξ_${i}‖`, Math.sqrt(q), 1, { rtol: 1e-14 });
    }
    // 1-D slope jumps.
    const n1 = randomNet(1, H, D, seed + 1, scale);
    const s1 = toSpline(n1);
    const bp = Array.from({ length: H }, (_, i) => s1.beta[i]! * s1.xi[i]!);
    const sorted = [...bp].sort((a, b) => a - b);
    let minGap = Infinity;
    for (let i = 1; i < H; i++) minGap = Math.min(minGap, sorted[i]! - sorted[i - 1]!);
    let worstJump = 0;
    if (minGap > 1e-6 * scale) {
      const h = (x: number, j: number) => sys.forward(n1, Float64Array.of(x), 1)[j]!;
      let sumMu = 0;
      for (let i = 0; i < H; i++) for (let j = 0; j < D; j++) sumMu += Math.abs(s1.mu[i * D + j]!);
      for (let i = 0; i < H; i++) {
        const x = bp[i]!;
        const e = Math.min(minGap / 4, 1e-2 * (1 + Math.abs(x)));
        for (let j = 0; j < D; j++) {
          const right = (h(x + e, j) - h(x, j)) / e;
          const left = (h(x, j) - h(x - e, j)) / e;
          // Active side of neuron i is where ξ_i x > β_i: right of the breakpoint for ξ = +1, left for ξ = −1.
          const active = s1.xi[i]! > 0 ? right : left;
          const inactive = s1.xi[i]! > 0 ? left : right;
          const expected = s1.mu[i * D + j]! * s1.xi[i]!;
          const err = Math.max(Math.abs(active - inactive - expected), Math.abs(right - left - s1.mu[i * D + j]!));
          const tol = JUMP_RTOL * sumMu;
          ensure(err <= tol, `slope change at breakpoint ${x}: active − inactive = ${active - inactive} vs μξ = ${expected}; right − left = ${right - left} vs μ = ${s1.mu[i * D + j]}`, { i, j, x, err, tol });
          worstJump = Math.max(worstJump, err / sumMu);
        }
      }
    }
    return { H, d, D, valueRelErr: worst, jumpRelErr: worstJump };
  },
});
