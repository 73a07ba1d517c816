/**
 * eff.phase-transition — 001 §IV.B, Figs. 5, 10, 11, 13. Over a grid of (g₂/g₁, n_disc) — and of
 * (g₂/g₁, α_D) — the mode-collapse metric after a fixed number of iterations increases with g₂/g₁ at
 * fixed discriminator time and decreases with the discriminator time at fixed g₂/g₁; the boundary
 * (where the metric crosses ½ log 8, Fig. 5's contour) is a power law for ReLU discriminators and
 * exponential for tanh ones (compared by the residuals of the two fits).
 *
 * Test of the directions: pooled over all cells of the grid (the two axes are crossed, so each
 * marginal rank correlation isolates one direction), Spearman ρ(log g₂/g₁, metric) > 0 and
 * ρ(log discriminator time, metric) < 0, each one-sided at α = 0.05. (The first design — one-sided
 * sign tests over the per-row and per-column ρ — cannot reach p < 0.05 with 4 rows, min p = 1/16;
 * it was replaced after the slow run hit exactly that floor with all 4 rows positive. The per-row and
 * per-column ρ and sign tests are still reported.)
 *
 * Grids. The paper's Fig. 5 (as we read it: ~20 × 20 cells, 5000 iterations) projects to many CPU
 * hours here (npm run bench prints the figure), so the slow tier runs a coarser grid — 7 values of
 * g₂/g₁ (doubling from 0.01) × n_disc ∈ {1, 2, 4, 8}, 1000 iterations, one seed per cell — on
 * which the boundary spans n_disc 1…8, enough to fit (and compare) a slope. The α_D grids (Figs. 10,
 * 11) use n_disc = 1 and 5 doubling values of α_D; the tanh discriminator runs at width 512 (tanh has
 * no exact grouping shortcut, see wide-disc.ts). The reduced fast tier is a 2 × 2 corner test.
 */
import { experiment, type ClaimContext } from '../claim.ts';
import { combineDecisions, trendDirection, twoSampleDirection, type Decision } from '../../stats/index.ts';
import { phaseFigure, phaseFinish, phasePlan, runPhase, type PhaseCell, type PhaseResult, type PhaseSpec } from './phase-diagram.ts';
import { gridUnits } from './grid-units.ts';
import { PARTICLE_ALPHA_D, PARTICLE_ALPHA_G, BUILT_IN_RUNS, builtInNotes } from './particle-setup.ts';
import { withReason } from './outcome.ts';


const ALPHA = 0.05;
/**
 * g₂/g₁ doubling from 0.0005 to 0.032. A first slow run on 0.01 … 0.64 (N = 200, n_disc ≤ 8, 1000
 * iterations) was collapsed in every cell (metric 1.76–2.08): with g₁ + g₂(N − 1) = N the local term
 * (g₁ − g₂)/N competes with g₂, so for N = 200 the transition sits near g₂/g₁ ~ 1/N, well below the
 * paper's ≈ 0.06 at n_disc = 6 (App. D) for our step sizes. The grid was moved to contain it.
 */
const PHIS = [0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032];

export const RELU_NDISC: PhaseSpec = { disc: 'relu', phis: PHIS, yKind: 'nDisc', ys: [1, 2, 4, 8], N: 200, H: 2048, iters: 1000, avg: 4, seeds: 1, fixed: PARTICLE_ALPHA_D };
/**
 * Figs. 10–11 in the paper's regime (App. D: n_disc = 6, 4000 iterations, width 2048), α_D doubling
 * from 0.025 to 1.6 so that the boundary is reached (the first run, n_disc = 1 and α_D ≤ 0.4 over
 * 1000 iterations, stayed collapsed almost everywhere). The tanh discriminator at width 2048 costs
 * ≈ 0.3 s an iteration here (no exact grouping shortcut; 15 h for the grid), so tanh runs at width
 * 512 and the tanh half is reported as a reduced reading (eff.phase-transition.alpha-d.tanh).
 */
/** g₂/g₁ for Fig. 10: PHIS extended to 0.512, since at α_D ≥ 0.2 the boundary lies above 0.032 (first re-run). */
const PHIS_ALPHAD = [...PHIS, 0.064, 0.128, 0.256, 0.512];
export const RELU_ALPHAD: PhaseSpec = { disc: 'relu', phis: PHIS_ALPHAD, yKind: 'alphaD', ys: [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6], N: 200, H: 2048, iters: 4000, avg: 4, seeds: 1, fixed: 6 };
export const TANH_ALPHAD: PhaseSpec = { disc: 'tanh', phis: PHIS, yKind: 'alphaD', ys: [0.025, 0.05, 0.1, 0.2, 0.4], N: 200, H: 512, iters: 1000, avg: 4, seeds: 1, fixed: 1 };

export function summarisePhase(r: PhaseResult) {
  return {
    boundary: r.boundary,
    powerLawFit: r.pow, exponentialFit: r.exp,
    phiTrend: r.phiTrend, timeTrend: r.timeTrend,
    rowsSpearman: r.rowsRho, rowsSignTest: r.rowsSign,
    colsSpearman: r.colsRho, colsSignTest: r.colsSign,
    grid: r.cells.map((c) => ({ phi: c.phi, y: c.y, collapse: +c.collapse.toFixed(4), logLik: +c.logLik.toFixed(2), diverged: c.diverged })),
  };
}

/** Both directions as three-outcome decisions: pooled Spearman over all cells, each one-sided both ways. */
function directions(r: PhaseResult, label: string): Decision {
  const xs = r.cells.map((c) => Math.log(c.phi)), ts = r.cells.map((c) => Math.log(c.y)), m = r.cells.map((c) => c.collapse);
  return combineDecisions(`both directions (${label})`, [
    trendDirection(`metric rises with log g₂/g₁ (${label})`, xs, m, 1, { alpha: ALPHA, decidingScale: 'a grid that reaches the boundary' }),
    trendDirection(`metric falls with log discriminator time (${label})`, ts, m, -1, { alpha: ALPHA, decidingScale: 'a grid that reaches the boundary' }),
  ]);
}

function llFigure(name: string, title: string, spec: PhaseSpec, r: PhaseResult) {
  return {
    name, title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 420, height: 320,
      data: { values: r.cells.map((c) => ({ phi: c.phi, y: c.y, logLik: Math.max(c.logLik, -1000) })) },
      mark: { type: 'point', filled: true, size: 120, shape: 'square' },
      encoding: {
        x: { field: 'phi', type: 'quantitative', scale: { type: 'log' }, title: 'g₂/g₁' },
        y: { field: 'y', type: 'quantitative', scale: { type: 'log' }, title: spec.yKind === 'nDisc' ? 'n_disc' : 'α_D' },
        color: { field: 'logLik', type: 'quantitative', scale: { scheme: 'magma' }, title: 'avg log-likelihood (clipped at −1000)' },
      },
    },
  };
}

const SOURCE = { paper: '001_cb8436cba21c199a.txt', where: '§IV.B, Figs. 5, 6, 10, 11, 13' };
const STATEMENT = 'As g_2/g_1 is increased, the discriminator requires more \'time\' (a greater n_disc value) in order to shift the training from mode collapse (bright points) to convergence (darker points). … power-law and exponential mode collapse boundaries are for the ReLU and Tanh discriminators, respectively.';

export const effPhaseTransition = experiment({
  id: 'eff.phase-transition', source: SOURCE, statement: STATEMENT, tier: 'slow', kind: 'statistical', expect: 'holds', exercises: ['particle-gan'],
  notes: BUILT_IN_RUNS,
  checks: `ReLU discriminator, N = 200, width 2048, α_D = α_G = ${PARTICLE_ALPHA_D}, g₂/g₁ ∈ {${PHIS.join(', ')}} × n_disc ∈ {1, 2, 4, 8}, 1000 iterations, metric averaged over T − 20n (n < 4): pooled Spearman ρ(log g₂/g₁, metric) > 0 and ρ(log n_disc, metric) < 0 over all cells, one-sided α = 0.05 each; the ½ log 8 boundary is fitted as a power law (log–log) and as an exponential, both reported (Figs. 5–6 drawn).`,
  // Units: one Algorithm 1 run per grid cell.
  units: gridUnits((rng) => phasePlan(RELU_NDISC, rng), (res) => {
    const r = phaseFinish(RELU_NDISC, res);
    return withReason({
      decision: directions(r, 'ReLU, n_disc'), numRuns: r.cells.length,
      evidence: { setup: `${RELU_NDISC.disc}, N ${RELU_NDISC.N}, width ${RELU_NDISC.H}, α_D = ${RELU_NDISC.fixed}, α_G = ${PARTICLE_ALPHA_G}, ${RELU_NDISC.iters} iterations, start (1/√2, 1/√2)`, ...summarisePhase(r) },
      figures: [phaseFigure('fig5', 'Fig. 5 equivalent: mode collapse over (g₂/g₁, n_disc), ReLU; dashed: power-law fit of the ½ log 8 boundary', RELU_NDISC, r, 'pow'), llFigure('fig6', 'Fig. 6 equivalent: average log-likelihood', RELU_NDISC, r)],
    }, () => `pooled Spearman: ρ(log g₂/g₁) = ${r.phiTrend.rho.toFixed(3)} (p = ${r.phiTrend.pOneSided.toPrecision(3)}), ρ(log n_disc) = ${r.timeTrend.rho.toFixed(3)} (p = ${r.timeTrend.pOneSided.toPrecision(3)}) (need both one-sided p < ${ALPHA})`);
  }),
});

export const effPhaseTransitionAlphaD = experiment({
  id: 'eff.phase-transition.alpha-d', source: SOURCE, statement: STATEMENT, tier: 'slow', kind: 'statistical', expect: 'holds', exercises: ['particle-gan'],
  notes: builtInNotes('Holds in App. D\'s regime (2026-12-04, 7.3 min on a shared core; fixtures/reruns/2026-12-04/eff.phase-transition.alpha-d/): pooled Spearman ρ(log g₂/g₁) = 0.49 (p = 3e-6) and ρ(log α_D) = −0.50 (p = 1.5e-6); the ½ log 8 boundary crosses five rows (g₂/g₁* ≈ 0.0037, 0.050, 0.19, 0.36 at α_D = 0.1, 0.2, 0.4, 0.8) and is fitted better by a power law (RMS 0.76 in log α_D, slope 0.39) than by an exponential (0.89). Caveat: at α_D = 1.6 the boundary turns back (collapsed from g₂/g₁ = 0.064 on, metric = log 8: the whole cloud in one mode), a step too large for the discriminator; that row is in the fit. A first re-run on g₂/g₁ ≤ 0.032 found only one crossing (not shown); the axis was extended to 0.512, the range the boundary needs, before this run. Until 2026-12-04 run at n_disc = 1, α_D ≤ 0.4, 1000 iterations and registered refuted on an absent direction (p = 0.61). The tanh half is eff.phase-transition.alpha-d.tanh. The paper does not give the α_D range of Figs. 10–11.'),
  checks: 'Fig. 10: ReLU discriminator, width 2048, n_disc = 6, 4000 iterations (App. D), N = 200, g₂/g₁ doubling from 0.0005 to 0.512 × α_D doubling from 0.025 to 1.6: both directions (pooled Spearman, one-sided α = 0.05 each way) and the ½ log 8 boundary fitted better (smaller RMS residual in log α_D) by a power law than by an exponential; a missing fit is not shown.',
  // Units: one Algorithm 1 run per grid cell.
  units: gridUnits((rng) => phasePlan(RELU_ALPHAD, rng), (res) => {
    const relu = phaseFinish(RELU_ALPHAD, res);
    const dirs = directions(relu, 'ReLU, α_D');
    const shapes = relu.pow && relu.exp ? (relu.pow.rmse < relu.exp.rmse ? 'holds' : 'refuted') : 'not-shown';
    const verdict = dirs.verdict === 'refuted' || shapes === 'refuted' ? 'refuted' : dirs.verdict === 'holds' && shapes === 'holds' ? 'holds' : 'not-shown';
    return withReason({
      verdict, decision: dirs, numRuns: relu.cells.length,
      evidence: { setup: `ReLU, N ${RELU_ALPHAD.N}, width ${RELU_ALPHAD.H}, n_disc ${RELU_ALPHAD.fixed}, ${RELU_ALPHAD.iters} iterations, α_G = ${PARTICLE_ALPHA_G}`, boundaryShape: shapes, relu: summarisePhase(relu) },
      figures: [phaseFigure('fig10', 'Fig. 10 equivalent: ReLU, α_D sweep (log–log, power-law fit), n_disc = 6, 4000 iterations', RELU_ALPHAD, relu, 'pow')],
    }, () => `directions: ${dirs.verdict}; boundary shape (power law beats exponential): ${shapes}`);
  }),
});

export const effPhaseTransitionAlphaDTanh = experiment({
  id: 'eff.phase-transition.alpha-d.tanh', source: SOURCE, statement: STATEMENT, tier: 'slow', kind: 'statistical', expect: 'not-shown', exercises: ['particle-gan'],
  notes: builtInNotes('Reduced reading (outside App. D\'s regime: width 512, n_disc = 1, 1000 iterations; the regime costs ≈ 15 h here). Measured 2026-11-22: the α_D direction holds (ρ = −0.64, p = 2·10⁻⁵), the g₂/g₁ direction does not show (ρ = 0.19, p = 0.14), and the 4-point boundary is fitted better by an exponential than a power law (RMS 0.96 vs 1.03), as the paper says. Not shown at this scale.'),
  checks: 'Fig. 11 (reduced): tanh, width 512, n_disc = 1, 1000 iterations, N = 200, g₂/g₁ doubling from 0.0005 to 0.032 × α_D doubling from 0.025 to 0.4: both directions (pooled Spearman, α = 0.05 each way, a reduced run never refutes) and the boundary fitted better by an exponential than by a power law.',
  // Units: one Algorithm 1 run per grid cell.
  units: gridUnits((rng) => phasePlan(TANH_ALPHAD, rng), (res) => {
    const tanh = phaseFinish(TANH_ALPHAD, res);
    const dirs = directions(tanh, 'tanh, α_D');
    const reduced = dirs.verdict === 'refuted' ? 'not-shown' : dirs.verdict;
    const shapes = tanh.pow && tanh.exp ? (tanh.exp.rmse < tanh.pow.rmse ? 'holds' : 'not-shown') : 'not-shown';
    const verdict = reduced === 'holds' && shapes === 'holds' ? 'holds' : 'not-shown';
    return withReason({
      verdict, decision: dirs, numRuns: tanh.cells.length,
      evidence: { setup: `tanh, N ${TANH_ALPHAD.N}, width ${TANH_ALPHAD.H}, n_disc ${TANH_ALPHAD.fixed}, ${TANH_ALPHAD.iters} iterations`, boundaryShape: shapes, tanh: summarisePhase(tanh) },
      figures: [phaseFigure('fig11', 'Fig. 11 equivalent (reduced): tanh, α_D sweep (log-linear, exponential fit)', TANH_ALPHAD, tanh, 'exp')],
    }, () => `directions: ${dirs.verdict} (reduced: never refuted); exponential beats power law: ${shapes}`);
  }),
});

/**
 * Reduced: the corners that carry the two directions, several seeds per cell, one-sided Mann–Whitney
 * both ways (three outcomes; a reduced run never refutes). The corners sit inside the transition at
 * this scale (N = 100, width 256, 300 iterations), read off a pilot (2026-12-04, 4 seeds per cell
 * over g₂/g₁ ∈ {0.001 … 0.3} × n_disc ∈ {1, 8}): at n_disc = 8 the metric rises from 0.12–0.27 at
 * g₂/g₁ = 0.01 to 1.5–1.9 at 0.1; at g₂/g₁ = 0.01 it falls from 0.8–2.0 (n_disc = 1) to 0.12–0.27
 * (n_disc = 8). The first reduced design put its second corner at g₂/g₁ = 0.3, where both n_disc
 * stay collapsed at this scale (the transition lies beyond n_disc = 8 there), so its "refuted" was a
 * test that could not show the direction: registered until 2026-12-04, now replaced.
 */
const REDUCED_SEEDS = 6;
const REDUCED_ALPHA = 0.01;
const LOW_PHI: PhaseSpec = { disc: 'relu', phis: [0.01], yKind: 'nDisc', ys: [1, 8], N: 100, H: 256, iters: 300, avg: 4, seeds: REDUCED_SEEDS, fixed: PARTICLE_ALPHA_D };

const REDUCED: PhaseSpec = { disc: 'relu', phis: [0.01, 0.1], yKind: 'nDisc', ys: [1, 8], N: 100, H: 256, iters: 300, avg: 4, seeds: REDUCED_SEEDS, fixed: PARTICLE_ALPHA_D };

export async function cornerTest(spec: PhaseSpec, ctx: ClaimContext) {
  const r = await runPhase(spec, ctx);
  const cell = (phi: number, y: number) => r.cells.find((c: PhaseCell) => c.phi === phi && c.y === y)!;
  const [pLo, pHi] = spec.phis as [number, number];
  const [yLo, yHi] = spec.ys as [number, number];
  const opts = { alpha: REDUCED_ALPHA, regime: 'reduced' as const, decidingScale: 'more seeds per cell, or the slow tier' };
  // Direction 1: at the long discriminator time, larger g₂/g₁ collapses more.
  const d1 = twoSampleDirection(`metric(g₂/g₁ = ${pHi}) > metric(g₂/g₁ = ${pLo}) at n_disc = ${yHi}`, cell(pHi, yHi).perSeed, cell(pLo, yHi).perSeed, opts);
  // Direction 2: at the smaller g₂/g₁, more discriminator time collapses less.
  const d2 = twoSampleDirection(`metric(n_disc = ${yLo}) > metric(n_disc = ${yHi}) at g₂/g₁ = ${pLo}`, cell(pLo, yLo).perSeed, cell(pLo, yHi).perSeed, opts);
  return { r, d1, d2, decision: combineDecisions('both directions at the reduced corners', [d1, d2]) };
}

export const effPhaseTransitionReduced = experiment({
  id: 'eff.phase-transition.reduced', source: SOURCE, statement: STATEMENT, tier: 'fast', kind: 'statistical', expect: 'holds', exercises: ['particle-gan'],
  notes: builtInNotes('Corners chosen from a pilot at this scale (see src/claims/eff/phase-transition.ts), inside its transition. Until 2026-12-04 the second corner was g₂/g₁ = 0.3, beyond the transition at this size, and the claim was registered refuted on a non-significant test (p = 0.34); its verdict flipped to holds on 4 of 20 global seeds.'),
  checks: `Reduced: ReLU, N = 100, width 256, 300 iterations, corners g₂/g₁ ∈ {0.01, 0.1} × n_disc ∈ {1, 8}, ${REDUCED_SEEDS} seeds each: at n_disc = 8 the metric is larger at g₂/g₁ = 0.1 than at 0.01, and at g₂/g₁ = 0.01 larger at n_disc = 1 than at 8 (Mann–Whitney both ways, one-sided α = ${REDUCED_ALPHA} each; three outcomes, a reduced run never refutes).`,
  run: async (ctx) => {
    const { r, d1, d2, decision } = await cornerTest(REDUCED, ctx);
    return {
      decision, numRuns: r.cells.length * REDUCED.seeds,
      evidence: { setup: `N ${REDUCED.N}, width ${REDUCED.H}, ${REDUCED.iters} iterations, α_D = α_G = ${PARTICLE_ALPHA_D}`, increasesWithPhi: { p: d1.pPaper, effect: d1.effect }, decreasesWithNDisc: { p: d2.pPaper, effect: d2.effect }, grid: summarisePhase(r).grid },
    };
  },
});

export const effPhaseTransitionReducedLowPhi = experiment({
  id: 'eff.phase-transition.reduced-low-phi', source: SOURCE, statement: STATEMENT, tier: 'fast', kind: 'statistical', expect: 'holds', exercises: ['particle-gan'],
  notes: builtInNotes('Column chosen after the first eff.phase-transition.reduced showed the g₂/g₁ = 0.3 column entirely collapsed at this scale (2026-11-22); since 2026-12-04 it is also the low corner of eff.phase-transition.reduced.'),
  checks: `Reduced: ReLU, N = 100, width 256, 300 iterations, g₂/g₁ = 0.01, n_disc ∈ {1, 8}, ${REDUCED_SEEDS} seeds each: the metric is smaller at n_disc = 8 (Mann–Whitney both ways, one-sided α = ${REDUCED_ALPHA}; three outcomes, a reduced run never refutes).`,
  run: async (ctx) => {
    const r = await runPhase(LOW_PHI, ctx);
    const lo = r.cells.find((c) => c.y === 1)!, hi = r.cells.find((c) => c.y === 8)!;
    const decision: Decision = twoSampleDirection('metric(n_disc = 1) > metric(n_disc = 8) at g₂/g₁ = 0.01', lo.perSeed, hi.perSeed, { alpha: REDUCED_ALPHA, regime: 'reduced', decidingScale: 'more seeds per cell' });
    return { decision, numRuns: 2 * LOW_PHI.seeds, evidence: { setup: `N ${LOW_PHI.N}, width ${LOW_PHI.H}, ${LOW_PHI.iters} iterations, α_D = α_G = ${PARTICLE_ALPHA_D}`, nDisc1: lo.perSeed, nDisc8: hi.perSeed } };
  },
});
