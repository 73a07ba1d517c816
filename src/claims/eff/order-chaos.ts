/**
 * eff.order-chaos — 001 App. G, Fig. 21: for the deep μ-parameterised ReLU net (6 hidden layers,
 * inputs on the sphere of radius √n₀), g₂/g₁ = Θ(z, z′)/Θ(z, z) for orthogonal inputs increases
 * with μ and approaches 1 as μ → 1 (ordered phase); small μ is the chaotic phase with g₂/g₁ ≪ 1.
 * Fast tier: the analytic NTK recursion (src/kernels/ntk-deep.ts). Slow tier: the empirical NTK of
 * width-2¹² nets (layerwise closed form from forward/backward passes) against that curve.
 *
 * Built-in only: the deep μ-net kernel is not the `ntk` system (that is the one-hidden-layer kernel
 * of src/kernels/ntk.ts, Θ from (|x|², |y|², x·y) for one layer); the claims exercise ntk-deep.ts.
 */
import fc from 'fast-check';
import { experiment, property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { deepMuNtkAnalytic, deepMuNtkGram, initDeepMuNet } from '../../kernels/ntk-deep.ts';
import { spherePoints, splitDiagonal, median } from '../../kernels/ntk-empirical.ts';
import { spearman } from '../../stats/index.ts';
import { withReason } from './outcome.ts';


const HIDDEN = 6;
/** Rounding slack of the recursion (sums of O(1) terms over 6 layers). */
const ULP_SLACK = 1e-12;
/** "Approaches 1": 1 − g₂/g₁ ≤ 10⁻³ for μ ≥ 0.9 (measured 7·10⁻⁵ at μ = 0.9) and = 0 at μ = 1. */
const NEAR_ONE = 1e-3;
/** Slow tier: empirical ratio vs analytic at width 2¹², 6 layers; finite-width corrections O(depth/width) plus sampling of a few pairs. */
const EMP_ATOL = 0.05;

const ratio = (mu: number, cos = 0) => {
  const r = deepMuNtkAnalytic(mu, HIDDEN, cos);
  return r.g2 / r.g1;
};

const SOURCE = { paper: '001_cb8436cba21c199a.txt', where: 'App. G, Fig. 21' };
const STATEMENT = 'For values of μ near 1, the network is expected to be in an ordered phase, and g_2/g_1 approach unity. Smaller μ values correspond to networks that are more chaotic, and g_2/g_1 is much lower.';

export const effOrderChaos = property({
  id: 'eff.order-chaos',
  source: SOURCE, statement: STATEMENT,
  checks: 'Analytic NTK recursion of the App. G net (6 hidden ReLU layers, μ-interpolated bias, orthogonal inputs of radius √n₀): for generated 0 ≤ μ₁ < μ₂ ≤ 1, g₂/g₁(μ₁) ≤ g₂/g₁(μ₂) (strictly where g₂/g₁(μ₁) < 1 − 10⁻⁶ and μ₂ − μ₁ ≥ 10⁻⁴); g₂/g₁ ∈ (0, 1]; 1 − g₂/g₁ ≤ 10⁻³ for μ ≥ 0.9 and g₂/g₁(1) = 1.',
  tier: 'fast', kind: 'property', expect: 'holds', exercises: ['ntk-deep'],
  arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).filter(([a, b]) => a !== b),
  check: ([a, b]) => {
    const [m1, m2] = a < b ? [a, b] : [b, a];
    const r1 = ratio(m1), r2 = ratio(m2);
    ensure(r1 > 0 && r1 <= 1 + ULP_SLACK && r2 > 0 && r2 <= 1 + ULP_SLACK, 'g₂/g₁ outside (0, 1]', { m1, r1, m2, r2 });
    ensure(r1 <= r2 + ULP_SLACK, `g₂/g₁ decreased from μ = ${m1} (${r1}) to μ = ${m2} (${r2})`, { m1, r1, m2, r2 });
    // Strictness only where the change is resolvable: μ² below ~1e-12 is invisible next to 1 − μ².
    if (r1 < 1 - 1e-6 && m2 - m1 >= 1e-4) ensure(r1 < r2, `g₂/g₁ not strictly increasing: ${r1} at μ = ${m1}, ${r2} at μ = ${m2}`, { m1, r1, m2, r2 });
    if (m2 >= 0.9) ensure(1 - r2 <= NEAR_ONE, `1 − g₂/g₁ = ${1 - r2} at μ = ${m2}`, { m2, r2 });
    ensure(Math.abs(ratio(1) - 1) <= ULP_SLACK, 'g₂/g₁ ≠ 1 at μ = 1');
    return { ratioLow: r1, ratioHigh: r2 };
  },
});

export const effOrderChaosEmpirical = experiment({
  id: 'eff.order-chaos.empirical',
  source: SOURCE, statement: STATEMENT,
  checks: 'Empirical NTK of the App. G net at width 2¹² (6 hidden layers, n₀ = 256, inputs of radius 16), 4 inputs, μ ∈ {0, 0.2, …, 1}: median off-diagonal / median diagonal increases with μ (Spearman ρ ≥ 0.9) and stays within 0.05 of the analytic curve evaluated at the pairs\' actual cosines; Fig. 21 drawn.',
  tier: 'slow', kind: 'reproduction', expect: 'holds', exercises: ['ntk-deep'],
  run: (ctx) => {
    const n0 = 256, H = 2 ** 12, m = 4;
    const mus = [0, 0.2, 0.4, 0.6, 0.8, 1];
    const rows: { mu: number; empirical: number; analytic: number }[] = [];
    let worst = 0;
    for (const mu of mus) {
      const Z = spherePoints(ctx.rng, m, n0, Math.sqrt(n0));
      const net = initDeepMuNet(ctx.rng, [n0, ...Array(HIDDEN).fill(H), 1], mu);
      const G = deepMuNtkGram(net, Z, m);
      const { diag, off } = splitDiagonal(G);
      const emp = median(off) / median(diag);
      // Analytic at the actual cosines of the sampled pairs (they are ≈ ±1/16, not exactly 0).
      const ana: number[] = [];
      for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) if (p !== q) {
        let xy = 0;
        for (let j = 0; j < n0; j++) xy += Z[p * n0 + j]! * Z[q * n0 + j]!;
        ana.push(ratio(mu, xy / n0));
      }
      const a = median(ana);
      worst = Math.max(worst, Math.abs(emp - a));
      rows.push({ mu, empirical: emp, analytic: a });
      ctx.progress(`μ = ${mu}: empirical g₂/g₁ = ${emp.toFixed(3)}, analytic ${a.toFixed(3)}`);
    }
    const rho = spearman(rows.map((r) => r.mu), rows.map((r) => r.empirical)).r;
    const curve = Array.from({ length: 101 }, (_, k) => ({ mu: k / 100, ratio: ratio(k / 100), series: 'analytic (orthogonal inputs)' }));
    return withReason({
      holds: rho >= 0.9 && worst <= EMP_ATOL,
      numRuns: mus.length,
      evidence: { setup: `width ${H}, ${HIDDEN} hidden ReLU layers, n₀ = ${n0}, ${m} inputs of radius √n₀, W, b ~ N(0, 1)`, spearmanRho: rho, worstAbsDiff: worst, atol: EMP_ATOL, rows },
      figures: [{
        name: 'fig21', title: 'Fig. 21 equivalent: g₂/g₁ vs μ (order ↔ chaos)',
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 420, height: 260,
          layer: [
            { data: { values: curve }, mark: 'line', encoding: { x: { field: 'mu', type: 'quantitative', title: 'μ' }, y: { field: 'ratio', type: 'quantitative', title: 'g₂/g₁' } } },
            { data: { values: rows }, mark: { type: 'point', filled: true, color: 'firebrick' }, encoding: { x: { field: 'mu', type: 'quantitative' }, y: { field: 'empirical', type: 'quantitative' } } },
          ],
        },
      }],
    }, () => `Spearman ρ = ${rho.toFixed(3)} (need ≥ 0.9), worst |empirical − analytic| = ${worst.toFixed(3)} (need ≤ ${EMP_ATOL})`);
  },
});
