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
import { mannWhitneyU } from '../../stats/index.ts';
import { analysePhase, phaseFigure, runPhase, type PhaseCell, type PhaseResult, type PhaseSpec } from './phase-diagram.ts';
import { PARTICLE_ALPHA_D, PARTICLE_ALPHA_G } from './particle-setup.ts';
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
export const RELU_ALPHAD: PhaseSpec = { disc: 'relu', phis: PHIS, yKind: 'alphaD', ys: [0.025, 0.05, 0.1, 0.2, 0.4], N: 200, H: 2048, iters: 1000, avg: 4, seeds: 1, fixed: 1 };
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

function directionsHold(r: PhaseResult): boolean {
  return r.phiTrend.pOneSided < ALPHA && r.timeTrend.pOneSided < ALPHA;
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
  checks: `ReLU discriminator, N = 200, width 2048, α_D = α_G = ${PARTICLE_ALPHA_D}, g₂/g₁ ∈ {${PHIS.join(', ')}} × n_disc ∈ {1, 2, 4, 8}, 1000 iterations, metric averaged over T − 20n (n < 4): pooled Spearman ρ(log g₂/g₁, metric) > 0 and ρ(log n_disc, metric) < 0 over all cells, one-sided α = 0.05 each; the ½ log 8 boundary is fitted as a power law (log–log) and as an exponential, both reported (Figs. 5–6 drawn).`,
  run: async (ctx) => {
    const r = await runPhase(RELU_NDISC, ctx);
    return withReason({
      holds: directionsHold(r), numRuns: r.cells.length,
      evidence: { setup: `${RELU_NDISC.disc}, N ${RELU_NDISC.N}, width ${RELU_NDISC.H}, α_D = ${RELU_NDISC.fixed}, α_G = ${PARTICLE_ALPHA_G}, ${RELU_NDISC.iters} iterations, start (1/√2, 1/√2)`, ...summarisePhase(r) },
      figures: [phaseFigure('fig5', 'Fig. 5 equivalent: mode collapse over (g₂/g₁, n_disc), ReLU; dashed: power-law fit of the ½ log 8 boundary', RELU_NDISC, r, 'pow'), llFigure('fig6', 'Fig. 6 equivalent: average log-likelihood', RELU_NDISC, r)],
    }, () => `pooled Spearman: ρ(log g₂/g₁) = ${r.phiTrend.rho.toFixed(3)} (p = ${r.phiTrend.pOneSided.toPrecision(3)}), ρ(log n_disc) = ${r.timeTrend.rho.toFixed(3)} (p = ${r.timeTrend.pOneSided.toPrecision(3)}) (need both one-sided p < ${ALPHA})`);
  },
});

export const effPhaseTransitionAlphaD = experiment({
  id: 'eff.phase-transition.alpha-d', source: SOURCE, statement: STATEMENT, tier: 'slow', kind: 'statistical', expect: 'refuted', exercises: ['particle-gan'],
  notes: 'Refuted in our setup (n_disc = 1, α_D 0.025–0.4, 1000 iterations, N = 200; run 2026-11-22): the α_D direction holds for both discriminators (pooled Spearman ρ = −0.54, p = 4·10⁻⁴ for ReLU; ρ = −0.64, p = 2·10⁻⁵ for tanh), but with one discriminator step per iteration the ReLU grid stays collapsed almost everywhere (metric 1.77–2.08, no ½ log 8 crossing, so no boundary to fit) and the g₂/g₁ direction is absent (ReLU ρ = −0.05, p = 0.61; tanh ρ = 0.19, p = 0.14). The tanh boundary (4 points) is fitted better by an exponential than by a power law (RMS 0.96 vs 1.03), as the paper says; the ReLU comparison cannot be made. The paper does not give the α_D range or n_disc of Figs. 10–11.',
  checks: 'α_D sweeps (n_disc = 1), ReLU width 2048 and tanh width 512, N = 200, g₂/g₁ doubling from 0.0005 to 0.032 × α_D doubling from 0.025 to 0.4, 1000 iterations: both show the two directions (pooled Spearman, one-sided α = 0.05); the ReLU boundary is fitted better (smaller RMS residual in log α_D) by a power law than by an exponential, and the tanh boundary better by an exponential (Figs. 10, 11 drawn).',
  run: async (ctx) => {
    const relu = await runPhase(RELU_ALPHAD, ctx);
    const tanh = await runPhase(TANH_ALPHAD, ctx);
    const reluPow = !!relu.pow && !!relu.exp && relu.pow.rmse < relu.exp.rmse;
    const tanhExp = !!tanh.pow && !!tanh.exp && tanh.exp.rmse < tanh.pow.rmse;
    return withReason({
      holds: directionsHold(relu) && directionsHold(tanh) && reluPow && tanhExp,
      numRuns: relu.cells.length + tanh.cells.length,
      evidence: { reluPowerLawFitsBetter: reluPow, tanhExponentialFitsBetter: tanhExp, relu: summarisePhase(relu), tanh: summarisePhase(tanh) },
      figures: [
        phaseFigure('fig10', 'Fig. 10 equivalent: ReLU, α_D sweep (log–log, power-law fit)', RELU_ALPHAD, relu, 'pow'),
        phaseFigure('fig11', 'Fig. 11 equivalent: tanh, α_D sweep (log-linear, exponential fit)', TANH_ALPHAD, tanh, 'exp'),
      ],
    }, () => `ReLU direction p = ${relu.phiTrend.pOneSided.toPrecision(3)}/${relu.timeTrend.pOneSided.toPrecision(3)}, tanh direction p = ${tanh.phiTrend.pOneSided.toPrecision(3)}/${tanh.timeTrend.pOneSided.toPrecision(3)}, ReLU power law fits better: ${reluPow}, tanh exponential fits better: ${tanhExp}`);
  },
});

/** Reduced: the two corners that carry the directions, several seeds, one-sided Mann–Whitney. */
const LOW_PHI: PhaseSpec = { disc: 'relu', phis: [0.01], yKind: 'nDisc', ys: [1, 8], N: 100, H: 256, iters: 300, avg: 4, seeds: 4, fixed: PARTICLE_ALPHA_D };

const REDUCED: PhaseSpec = { disc: 'relu', phis: [0.01, 0.3], yKind: 'nDisc', ys: [1, 8], N: 100, H: 256, iters: 300, avg: 4, seeds: 4, fixed: PARTICLE_ALPHA_D };

export async function cornerTest(spec: PhaseSpec, ctx: ClaimContext) {
  const r = await runPhase(spec, ctx);
  const cell = (phi: number, y: number) => r.cells.find((c: PhaseCell) => c.phi === phi && c.y === y)!;
  const [pLo, pHi] = spec.phis as [number, number];
  const [yLo, yHi] = spec.ys as [number, number];
  // Direction 1: at the short discriminator time, larger g₂/g₁ collapses more.
  const t1 = mannWhitneyU(cell(pHi, yLo).perSeed, cell(pLo, yLo).perSeed, 'greater');
  // Direction 2: at the larger g₂/g₁, more discriminator time collapses less.
  const t2 = mannWhitneyU(cell(pHi, yHi).perSeed, cell(pHi, yLo).perSeed, 'less');
  return { r, t1, t2, holds: t1.pValue < ALPHA && t2.pValue < ALPHA, analysed: analysePhase(spec, r.cells) };
}

export const effPhaseTransitionReduced = experiment({
  id: 'eff.phase-transition.reduced', source: SOURCE, statement: STATEMENT, tier: 'fast', kind: 'statistical', expect: 'refuted', exercises: ['particle-gan'],
  notes: 'Does not hold at this reduced scale, as specified: at g₂/g₁ = 0.3 both n_disc = 1 and n_disc = 8 stay collapsed after 300 iterations (mean metric 1.93 vs 1.90, one-sided Mann–Whitney p = 0.34), i.e. the boundary at this size lies beyond n_disc = 8 there; the metric is flat, not reversed. The first direction holds (p = 0.029). eff.phase-transition.reduced-low-phi checks the n_disc direction at g₂/g₁ = 0.01 (a column chosen after seeing this result, stated as such).',
  checks: 'Reduced: ReLU, N = 100, width 256, 300 iterations, corners g₂/g₁ ∈ {0.01, 0.3} × n_disc ∈ {1, 8}, 4 seeds each: at n_disc = 1 the metric is larger at g₂/g₁ = 0.3 than at 0.01, and at g₂/g₁ = 0.3 smaller at n_disc = 8 than at 1 (one-sided Mann–Whitney, α = 0.05 each).',
  run: async (ctx) => {
    const { r, t1, t2, holds } = await cornerTest(REDUCED, ctx);
    return withReason({
      holds, numRuns: r.cells.length * REDUCED.seeds,
      evidence: { setup: `N ${REDUCED.N}, width ${REDUCED.H}, ${REDUCED.iters} iterations, α_D = α_G = ${PARTICLE_ALPHA_D}`, increasesWithPhi: { p: t1.pValue, effect: t1.effect }, decreasesWithNDisc: { p: t2.pValue, effect: t2.effect }, grid: summarisePhase(r).grid },
    }, () => `Mann–Whitney: increases with g₂/g₁ p = ${t1.pValue.toPrecision(3)}, decreases with n_disc p = ${t2.pValue.toPrecision(3)} (need both < ${ALPHA})`);
  },
});

export const effPhaseTransitionReducedLowPhi = experiment({
  id: 'eff.phase-transition.reduced-low-phi', source: SOURCE, statement: STATEMENT, tier: 'fast', kind: 'statistical', expect: 'holds', exercises: ['particle-gan'],
  notes: 'Column chosen after eff.phase-transition.reduced showed the g₂/g₁ = 0.3 column entirely collapsed at this scale.',
  checks: 'Reduced: ReLU, N = 100, width 256, 300 iterations, g₂/g₁ = 0.01, n_disc ∈ {1, 8}, 4 seeds each: the metric is smaller at n_disc = 8 (one-sided Mann–Whitney, α = 0.05).',
  run: async (ctx) => {
    const r = await runPhase(LOW_PHI, ctx);
    const lo = r.cells.find((c) => c.y === 1)!, hi = r.cells.find((c) => c.y === 8)!;
    const t = mannWhitneyU(hi.perSeed, lo.perSeed, 'less');
    return withReason({ holds: t.pValue < ALPHA, numRuns: 2 * LOW_PHI.seeds, evidence: { setup: `N ${LOW_PHI.N}, width ${LOW_PHI.H}, ${LOW_PHI.iters} iterations, α_D = α_G = ${PARTICLE_ALPHA_D}`, p: t.pValue, effect: t.effect, nDisc1: lo.perSeed, nDisc8: hi.perSeed } }, () => `Mann–Whitney p = ${t.pValue.toPrecision(3)} ≥ ${ALPHA}`);
  },
});
