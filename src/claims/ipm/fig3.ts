/**
 * 002 §7, Fig. 3: failure modes against kernel width σ (setup in fig3-sim.ts).
 * (a) fraction of diverging points (‖x̃‖ > 2) decreases as σ grows (d = 2): Spearman correlation of
 *     per-trial divergence fraction with log σ, one-sided, α = 0.01;
 * (b) median normalised W₂ change W₂(after)/W₂(before) is U-shaped in σ: above its minimum at the
 *     smallest and at the largest σ, and > 1 at the smallest σ (d = 2). Mann–Whitney U of each end
 *     against the σ of the minimum is reported (and gated at α = 0.05 in the full run; the argmin is
 *     picked from the same data, so these p-values are optimistic).
 * ipm.fig3 (slow): the paper's setup — d = 2 and d = 10, 100 trials per σ, 40 000 steps, η = 10⁻³,
 * m = 256, 10 widths logspace(−1, 1), in worker threads. ipm.fig3.reduced (fast): d = 2, 7 widths,
 * 10 trials, m = 64, and η = 10⁻² for 4 000 steps — the same time horizon η·steps = 40 in a tenth of
 * the steps (ours: a coarser step of the same dynamics).
 */
import { FIGURE_BUILTIN_NOTE } from './systems.ts';
import { experiment, type Figure } from '../claim.ts';
import { spearman, mannWhitneyU, median, bootstrapCI, combineDecisions, pairedDirection, trendDirection, twoSampleDirection, type Decision } from '../../stats/index.ts';
import { FIG3 } from './fig3-sim.ts';
import { splitTrials } from './fig3-pool.ts';
import { runFig3Task } from './fig3-sim.ts';
import type { Fig3Task, Fig3TrialResult } from './fig3-sim.ts';

/** Significance level of the divergence-trend test. */
const ALPHA_TREND = 0.01;
/** Significance level of each one-sided U-shape test (three outcomes). */
const ALPHA_U = 0.01;
/**
 * The U-shape's minimum. Full run: chosen on the odd-numbered trials and tested on the even ones
 * (split halves, so the tests are not optimistic). Reduced run: σ = 1, the width nearest the full
 * run's minimum (0.77, fixtures/ipm/slow-run/), fixed in advance; the reduced trials never choose it.
 */
const REDUCED_SIGMA_MIN = 1;
/** Normalised W₂ change of a trial whose state overflowed (reported, keeps medians finite). */
const OVERFLOW_RATIO = 1e12;

export interface Fig3Params {
  dims: number[];
  sigmas: number[];
  trials: number;
  steps: number;
  eta: number;
  m: number;
  /** Units per (d, σ): each a contiguous range of trials, run alone (per-trial seeds, so any split gives the same trials). */
  chunks: number;
  /** 'split': argmin on odd trials, tests on even ones; a number: that σ, fixed in advance. */
  uMin: 'split' | number;
  regime: 'paper' | 'reduced';
}

const logspace = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));

export const FIG3_FULL: Fig3Params = { dims: [2, 10], sigmas: logspace(-1, 1, 10), trials: FIG3.trials, steps: FIG3.steps, eta: FIG3.eta, m: FIG3.m, chunks: 10, uMin: 'split', regime: 'paper' };
export const FIG3_REDUCED: Fig3Params = { dims: [2], sigmas: logspace(-1, 1, 7), trials: 40, steps: 4000, eta: 1e-2, m: 64, chunks: 1, uMin: REDUCED_SIGMA_MIN, regime: 'reduced' };
/**
 * The reduced run tests the divergence trend and the U's left arm only. Its right arm (0.79 at σ = 10
 * vs 0.69 at σ = 1) and the > 1 at σ = 0.1 (median 1.19, p = 0.10) are too small for 10–20 trials
 * (2026-12-04: the earlier untested median comparison passed or failed with the seed); the slow
 * tier (100 trials) decides them.
 */

function summarise(rs: Fig3TrialResult[], sigmas: number[], rng: import('../../random/rng.ts').Rng) {
  return sigmas.map((sigma) => {
    const g = rs.filter((r) => r.sigma === sigma);
    const ratios = g.map((r) => Math.min(r.w2After / r.w2Before, OVERFLOW_RATIO));
    const ci = bootstrapCI(ratios, (xs) => median(xs), { rng, B: 1000 });
    return {
      sigma, trials: g.length, divergedFrac: g.reduce((s, r) => s + r.divergedFrac, 0) / g.length,
      medianW2Change: ci.estimate, ciLo: ci.lo, ciHi: ci.hi, ratios,
      overflowed: g.filter((r) => r.nonFiniteAt >= 0).length,
    };
  });
}

function make(id: string, tier: 'fast' | 'slow', P: Fig3Params) {
  return experiment({
    id,
    source: { paper: '002_dc3675b0aaa76cd0.txt', where: '§7, Fig. 3' },
    statement: 'We see that at very low kernel widths, the normalized error can be even greater than one … At very high kernel widths, there is also significant error due to the slow convergence … As expected, we see that the frequency of divergence increases with small kernel width.',
    checks: `d ∈ {${P.dims.join(', ')}}, ${P.trials} trials × ${P.sigmas.length} widths, ${P.steps} steps at η = ${P.eta}, m = ${P.m} RFF frequencies: (a) Spearman(log σ, divergence fraction) < 0, one-sided p < ${ALPHA_TREND} (d = 2); (b) W₂(after)/W₂(before) larger at the smallest${P.regime === 'reduced' ? '' : ' and at the largest'} σ than at the minimum σ* (${P.uMin === 'split' ? 'σ* = argmin of the median on the odd-numbered trials, tests on the even ones' : `σ* = ${P.uMin}, the full run's minimum, fixed in advance`}; Mann–Whitney)${P.regime === 'reduced' ? ' (the right arm and the > 1 at the smallest σ are reported; only the slow tier has the trials to decide them)' : ' and > 1 at the smallest σ (one-sample Wilcoxon)'}, one-sided α = ${ALPHA_U} (d = 2). Every test both ways; three outcomes${P.regime === 'reduced' ? ', a reduced run never refutes' : ''}.`,
    tier, kind: 'statistical', expect: 'holds',
    notes: FIGURE_BUILTIN_NOTE,
    exercises: ['isolated-points'],
    // Units: one (d, σ, trial range) batch each, the slow tier's 200 spread over workers and shards.
    units: {
      list: ({ seed }) => {
        const tasks: Fig3Task[] = [];
        for (const d of P.dims) {
          P.sigmas.forEach((sigma, si) => {
            for (const [a, b] of splitTrials(P.trials, P.chunks)) tasks.push({ d, sigma, sigmaIndex: si, trialStart: a, trialEnd: b, steps: P.steps, seed, m: P.m, eta: P.eta });
          });
        }
        return tasks;
      },
      label: (t: Fig3Task) => `d${t.d}-s${t.sigmaIndex}-t${t.trialStart}`,
      run: (t: Fig3Task) => runFig3Task(t),
      reduce: (batches: Fig3TrialResult[][], ctx) => {
      const rs = batches.flat();
      const byDim = Object.fromEntries(P.dims.map((d) => [d, summarise(rs.filter((r) => r.d === d), P.sigmas, ctx.rng.fork())]));
      const s2 = byDim[2]!;
      const r2 = rs.filter((r) => r.d === 2);
      const trend = spearman(r2.map((r) => Math.log(r.sigma)), r2.map((r) => r.divergedFrac));
      const meds = s2.map((s) => s.medianW2Change);
      const iMin = meds.indexOf(Math.min(...meds));
      const first = s2[0]!;
      const last = s2[s2.length - 1]!;
      const opts = { alpha: ALPHA_U, regime: P.regime, decidingScale: 'more trials per width (the slow tier: 100)' };
      const trendDecision = trendDirection('divergence fraction falls with log σ (d = 2)', r2.map((r) => Math.log(r.sigma)), r2.map((r) => r.divergedFrac), -1, { ...opts, alpha: ALPHA_TREND });
      const ratiosAt = (sigma: number, parity?: 0 | 1) => r2.filter((r) => r.sigma === sigma && (parity === undefined || r.trial % 2 === parity)).map((r) => Math.min(r.w2After / r.w2Before, OVERFLOW_RATIO));
      // σ* and the tested halves: split halves in the full run, a pre-set σ* in the reduced one.
      let sigmaStar: number;
      let test: 0 | 1 | undefined;
      if (P.uMin === 'split') {
        const odd = P.sigmas.map((sg) => median(ratiosAt(sg, 1)));
        sigmaStar = P.sigmas[odd.indexOf(Math.min(...odd))]!;
        test = 0;
      } else {
        sigmaStar = P.sigmas.reduce((b, sg) => (Math.abs(Math.log(sg / (P.uMin as number))) < Math.abs(Math.log(b / (P.uMin as number))) ? sg : b));
        test = undefined;
      }
      const sMin = P.sigmas[0]!, sMax = P.sigmas[P.sigmas.length - 1]!;
      const uParts: Decision[] = [
        twoSampleDirection(`W₂ change at σ = ${sMin.toPrecision(2)} > at σ* = ${sigmaStar.toPrecision(3)}`, ratiosAt(sMin, test), ratiosAt(sigmaStar, test), opts),
        twoSampleDirection(`W₂ change at σ = ${sMax.toPrecision(2)} > at σ* = ${sigmaStar.toPrecision(3)}`, ratiosAt(sMax, test), ratiosAt(sigmaStar, test), opts),
        pairedDirection(`W₂ change at σ = ${sMin.toPrecision(2)} > 1`, ratiosAt(sMin, test).map((x) => x - 1), opts),
      ];
      const decision = P.regime === 'reduced'
        ? combineDecisions('Fig. 3 (reduced): divergence falls with σ and the W₂ change is larger at the smallest σ than at σ*', [trendDecision, uParts[0]!])
        : combineDecisions('Fig. 3: divergence falls with σ and the W₂ change is U-shaped (d = 2)', [trendDecision, ...uParts]);
      const a = trendDecision.verdict === 'holds';
      const mwSmall = mannWhitneyU(first.ratios, s2[iMin]!.ratios, 'greater');
      const mwLarge = mannWhitneyU(last.ratios, s2[iMin]!.ratios, 'greater');
      const rows = P.dims.flatMap((d) => byDim[d]!.map((s) => ({ d: `d = ${d}`, sigma: s.sigma, divergedPercent: 100 * s.divergedFrac, medianW2Change: s.medianW2Change, ciLo: s.ciLo, ciHi: s.ciHi })));
      const figures: Figure[] = [
        { name: 'w2', title: 'Fig. 3(a): median W₂(after)/W₂(before) vs σ (95% bootstrap CI)', spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 360, height: 240, data: { values: rows },
          encoding: { x: { field: 'sigma', type: 'quantitative', scale: { type: 'log' }, title: 'kernel width σ' }, color: { field: 'd', type: 'nominal' } },
          layer: [
            { mark: { type: 'line', point: true }, encoding: { y: { field: 'medianW2Change', type: 'quantitative', title: 'median normalised W₂ change' } } },
            { mark: 'errorbar', encoding: { y: { field: 'ciLo', type: 'quantitative' }, y2: { field: 'ciHi' } } },
            { mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, data: { values: [{ y: 1 }] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
          ] } },
        { name: 'divergence', title: 'Fig. 3(b): % of generated points with ‖x̃‖ > 2 vs σ', spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 360, height: 240, data: { values: rows }, mark: { type: 'line', point: true },
          encoding: { x: { field: 'sigma', type: 'quantitative', scale: { type: 'log' }, title: 'kernel width σ' }, y: { field: 'divergedPercent', type: 'quantitative', title: 'diverging points (%)' }, color: { field: 'd', type: 'nominal' } } } },
      ];
      return {
        decision,
        figures,
        numRuns: rs.length,
        evidence: {
          setup: { ...P, lambda: FIG3.lambda, divergeRadius: FIG3.divergeRadius, seed: ctx.seed },
          divergenceTrend: { test: 'Spearman, log σ vs per-trial divergence fraction, one-sided (ρ < 0)', rho: trend.r, pValue: trendDecision.pPaper, alpha: ALPHA_TREND, n: trend.n, holds: a },
          uShape: {
            medians: Object.fromEntries(s2.map((s) => [s.sigma.toPrecision(3), +s.medianW2Change.toFixed(4)])),
            argminSigma: s2[iMin]!.sigma, smallest: first.medianW2Change, largest: last.medianW2Change,
            sigmaStar, sigmaStarRule: P.uMin === 'split' ? 'argmin on odd trials; tests on even trials' : 'fixed in advance',
            tests: uParts.map((d) => ({ what: d.what, pPaper: d.pPaper, pOpposite: d.pOpposite, verdict: d.verdict })),
            allTrialsArgminMannWhitney: { note: 'argmin chosen on the same data (optimistic), reported only', smallVsMin: mwSmall.pValue, largeVsMin: mwLarge.pValue },
            alpha: ALPHA_U,
          },
          perSigma: Object.fromEntries(P.dims.map((d) => [d, byDim[d]!.map(({ ratios: _r, ...rest }) => rest)])),
          paper: 'Fig. 3: divergence % falls with σ (d = 2); normalised W₂ change > 1 at the smallest σ and rises again at large σ (values read from a plot only; not given numerically)',
        },
      };
      },
    },
  });
}

export const ipmFig3 = make('ipm.fig3', 'slow', FIG3_FULL);
export const ipmFig3Reduced = make('ipm.fig3.reduced', 'fast', FIG3_REDUCED);
