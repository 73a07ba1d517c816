/**
 * ib.lazy-width — 000 §4.2: overparameterisation and a large initialisation scale put a shallow
 * ReLU network in the kernel (lazy) regime: after training on the same task with a tuned step, the
 * relative parameter change ‖θ_T − θ₀‖/‖θ₀‖ and the relative NTK change ‖K_T − K₀‖/‖K₀‖ shrink as
 * the width H grows and as the initialisation scale α grows.
 *
 * Task: regression of the monotone optimal generator of the 3-Gaussian target (a two-step
 * function, the very map a generator must learn) on n = 32 equispaced z ∈ [−2.5, 2.5], full-batch
 * GD on the centred model (src/systems/shallow-relu-gan/regression.ts). Tuned step: per (H, α,
 * seed) the largest step of the grid whose loss decreases monotonically (largest stable step: a
 * catapult/edge-of-stability step would move the parameters for reasons other than laziness).
 * Decision: one-sided Wilcoxon signed-rank tests on per-seed paired differences (small H minus
 * large H; small α minus large α), for both the parameter and the NTK change; the claim holds iff
 * all four reject at level 0.05 (an intersection–union test, so no multiplicity correction is
 * needed). Effect sizes: rank-biserial correlation and the median ratio; the log–log slope against
 * H is reported next to the ≈ −1/2 of the catalog.
 */
import { drawSeeds } from './gan-sweep.ts';
import { experiment, type ExperimentClaim, type Figure } from '../claim.ts';
import { trainRegression, mix3Mixture1D } from '../../systems/shallow-relu-gan/index.ts';
import { monotoneOptimal } from '../../systems/generator-1d/index.ts';
import { wilcoxonSignedRank, linearFit, median, combineDecisions, pairedDirection } from '../../stats/index.ts';

/**
 * Level of each one-sided test (intersection–union: the conjunction is a level-0.01 test), in both
 * directions (three outcomes). The reduced run has 8 seeds so the exact test can reach it (1/256).
 */
const TEST_ALPHA = 0.01;
const N_POINTS = 32;

interface LazyParams {
  widths: number[];
  /** α used for the width comparison. */
  widthAlpha: number;
  alphas: number[];
  /** H used for the α comparison. */
  alphaWidth: number;
  seeds: number;
  steps: number;
  /** log10 step sizes. */
  lrGrid: number[];
}

const SLOW: LazyParams = { widths: [16, 64, 256, 1024], widthAlpha: 1, alphas: [0.25, 0.5, 1, 2, 4], alphaWidth: 256, seeds: 8, steps: 1000, lrGrid: [-5, -4.5, -4, -3.5, -3, -2.5, -2, -1.5, -1] };
const REDUCED: LazyParams = { widths: [16, 256], widthAlpha: 1, alphas: [0.5, 2], alphaWidth: 64, seeds: 8, steps: 300, lrGrid: [-3.5, -3, -2.5, -2, -1.5, -1] };

interface Cell { H: number; alpha: number; seed: number; lr: number; rel: number; ntk: number; loss: number }

function tuned(H: number, alpha: number, seed: number, p: LazyParams, X: Float64Array, y: Float64Array): Cell {
  let best: Cell | null = null;
  for (const le of p.lrGrid) {
    const r = trainRegression({ H, alpha, lr: 10 ** le, steps: p.steps, seed, X, y });
    if (!r.monotone) break; // larger steps are unstable too
    best = { H, alpha, seed, lr: 10 ** le, rel: r.relParamChange, ntk: r.relNtkChange, loss: r.finalLoss };
  }
  if (best === null) {
    const r = trainRegression({ H, alpha, lr: 10 ** p.lrGrid[0]!, steps: p.steps, seed, X, y });
    best = { H, alpha, seed, lr: 10 ** p.lrGrid[0]!, rel: r.relParamChange, ntk: r.relNtkChange, loss: r.finalLoss };
  }
  return best;
}

function makeLazyWidth(id: string, tier: 'fast' | 'slow', p: LazyParams, notes?: string): ExperimentClaim {
  return experiment({
    id,
    source: { paper: '000_cdda2fe4dacffe72.txt', where: '§4.2 (Chizat et al. 2019, Woodworth et al. 2020, Geiger et al. 2020)' },
    statement: 'overparameterization and large scale of initialization both shift NN to kernel regime in the supervised learning setting … when in the kernel regime, NN parameters stay around their initialization and NTK is fixed.',
    checks: `Shallow ReLU regressor (1-D, He init × α, centred) fits the 3-Gaussian monotone optimal generator on ${N_POINTS} points by full-batch GD for ${p.steps} steps at the largest monotone-descent step of 10^{${p.lrGrid.join(', ')}}; widths ${p.widths.join(', ')} at α = ${p.widthAlpha}, scales α ∈ {${p.alphas.join(', ')}} at H = ${p.alphaWidth}, ${p.seeds} seeds. Holds iff paired Wilcoxon signed-rank tests (one-sided α = ${TEST_ALPHA} each, both directions, intersection–union) find the relative parameter change and the relative NTK change smaller at the largest H than the smallest, and smaller at the largest α than the smallest.`,
    tier, kind: 'statistical', expect: 'holds',
    ...(notes ? { notes } : {}),
    exercises: ['shallow-relu-gan'],
    run: (ctx) => {
      const m = mix3Mixture1D();
      const X = Float64Array.from({ length: N_POINTS }, (_, i) => -2.5 + (5 * i) / (N_POINTS - 1));
      const y = X.map((z) => monotoneOptimal(m, z));
      const seeds = drawSeeds(ctx.rng, p.seeds);
      const cells: Cell[] = [];
      for (const H of p.widths) for (const s of seeds) { cells.push(tuned(H, p.widthAlpha, s, p, X, y)); }
      ctx.progress('widths done');
      for (const a of p.alphas) {
        if (a === p.widthAlpha && p.widths.includes(p.alphaWidth)) continue;
        for (const s of seeds) cells.push(tuned(p.alphaWidth, a, s, p, X, y));
      }
      const get = (H: number, a: number) => seeds.map((s) => cells.find((c) => c.H === H && c.alpha === a && c.seed === s)!);
      const hLo = get(p.widths[0]!, p.widthAlpha);
      const hHi = get(p.widths[p.widths.length - 1]!, p.widthAlpha);
      const aLo = get(p.alphaWidth, p.alphas[0]!);
      const aHi = get(p.alphaWidth, p.alphas[p.alphas.length - 1]!);
      const test = (lo: Cell[], hi: Cell[], key: 'rel' | 'ntk') => {
        const diffs = lo.map((c, i) => c[key] - hi[i]![key]);
        const w = wilcoxonSignedRank(diffs, 'greater');
        return { pValue: w.pValue, rankBiserial: w.effect, medianRatio: median(lo.map((c, i) => c[key] / hi[i]![key])) };
      };
      const tests = {
        paramChangeVsWidth: test(hLo, hHi, 'rel'),
        ntkChangeVsWidth: test(hLo, hHi, 'ntk'),
        paramChangeVsAlpha: test(aLo, aHi, 'rel'),
        ntkChangeVsAlpha: test(aLo, aHi, 'ntk'),
      };
      const dir = (what: string, lo: Cell[], hi: Cell[], key: 'rel' | 'ntk') => pairedDirection(what, lo.map((c, i) => c[key] - hi[i]![key]), { alpha: TEST_ALPHA, decidingScale: 'more seeds' });
      const decision = combineDecisions('lazier with width and with initialisation scale', [
        dir(`‖Δθ‖/‖θ₀‖ smaller at H = ${p.widths[p.widths.length - 1]} than at H = ${p.widths[0]}`, hLo, hHi, 'rel'),
        dir(`‖ΔK‖/‖K₀‖ smaller at H = ${p.widths[p.widths.length - 1]} than at H = ${p.widths[0]}`, hLo, hHi, 'ntk'),
        dir(`‖Δθ‖/‖θ₀‖ smaller at α = ${p.alphas[p.alphas.length - 1]} than at α = ${p.alphas[0]}`, aLo, aHi, 'rel'),
        dir(`‖ΔK‖/‖K₀‖ smaller at α = ${p.alphas[p.alphas.length - 1]} than at α = ${p.alphas[0]}`, aLo, aHi, 'ntk'),
      ]);
      const wcells = cells.filter((c) => c.alpha === p.widthAlpha && p.widths.includes(c.H));
      const fit = linearFit(wcells.map((c) => Math.log(c.H)), wcells.map((c) => Math.log(c.rel)));
      const fitNtk = linearFit(wcells.map((c) => Math.log(c.H)), wcells.map((c) => Math.log(c.ntk)));
      const acells = cells.filter((c) => c.H === p.alphaWidth);
      const fitA = linearFit(acells.map((c) => Math.log(c.alpha)), acells.map((c) => Math.log(c.rel)));
      const summary = (list: Cell[], by: 'H' | 'alpha') => [...new Set(list.map((c) => c[by]))].sort((a, b) => a - b).map((v) => {
        const cs = list.filter((c) => c[by] === v);
        return { [by]: v, medianRelParamChange: median(cs.map((c) => c.rel)), medianRelNtkChange: median(cs.map((c) => c.ntk)), medianLoss: median(cs.map((c) => c.loss)), medianLr: median(cs.map((c) => c.lr)) };
      });
      const figures: Figure[] = [
        {
          name: 'width', title: 'Relative parameter / NTK change after training vs width H (log–log)',
          spec: {
            $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 320, height: 220,
            data: { values: wcells.flatMap((c) => [{ H: c.H, value: c.rel, metric: '‖Δθ‖/‖θ₀‖' }, { H: c.H, value: c.ntk, metric: '‖ΔK‖/‖K₀‖' }]) },
            mark: { type: 'point', filled: true, opacity: 0.6 },
            encoding: { x: { field: 'H', type: 'quantitative', scale: { type: 'log' } }, y: { field: 'value', type: 'quantitative', scale: { type: 'log' } }, color: { field: 'metric', type: 'nominal' } },
          },
        },
        {
          name: 'alpha', title: `Relative parameter / NTK change vs initialisation scale α (H = ${p.alphaWidth})`,
          spec: {
            $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 320, height: 220,
            data: { values: acells.flatMap((c) => [{ alpha: c.alpha, value: c.rel, metric: '‖Δθ‖/‖θ₀‖' }, { alpha: c.alpha, value: c.ntk, metric: '‖ΔK‖/‖K₀‖' }]) },
            mark: { type: 'point', filled: true, opacity: 0.6 },
            encoding: { x: { field: 'alpha', type: 'quantitative', scale: { type: 'log' } }, y: { field: 'value', type: 'quantitative', scale: { type: 'log' } }, color: { field: 'metric', type: 'nominal' } },
          },
        },
      ];
      return {
        decision,
        numRuns: cells.length,
        figures,
        evidence: {
          setup: { task: `regress G*(z) = F_X⁻¹(Φ(z)) of mix3 (means −2, 0, 2; σ 0.2) on ${N_POINTS} points in [−2.5, 2.5]`, steps: p.steps, lrGridLog10: p.lrGrid, tuning: 'largest step with monotone loss descent', widths: p.widths, widthAlpha: p.widthAlpha, alphas: p.alphas, alphaWidth: p.alphaWidth, seeds: p.seeds, test: `paired Wilcoxon signed-rank (exact), one-sided α = ${TEST_ALPHA} each way, all four must reject` },
          tests,
          logLogSlopeParamVsH: fit.slope,
          logLogSlopeNtkVsH: fitNtk.slope,
          logLogSlopeParamVsAlpha: fitA.slope,
          catalogSlopeVsH: -0.5,
          byWidth: summary(wcells, 'H'),
          byAlpha: summary(acells, 'alpha'),
        },
      };
    },
  });
}

const RATE_NOTE = 'The direction holds; the rate does not match the catalog\'s "≈ 1/√H": in this (standard, He) parameterisation '
  + 'with the step tuned per width, the measured log–log slopes are ≈ −1.0 for ‖Δθ‖/‖θ₀‖ and ≈ −2.0 for ‖ΔK‖/‖K₀‖ against H, '
  + 'and ≈ −2.0 for ‖Δθ‖/‖θ₀‖ against α (slow tier, 8 seeds, 2026-11-22). The 1/√H rate belongs to the NTK '
  + 'parameterisation at a fixed step; here the tuned step falls ∝ 1/H, which adds a factor 1/√H.';
export const ibLazyWidth = makeLazyWidth('ib.lazy-width', 'slow', SLOW, RATE_NOTE);
export const ibLazyWidthReduced = makeLazyWidth('ib.lazy-width.reduced', 'fast', REDUCED, RATE_NOTE);
