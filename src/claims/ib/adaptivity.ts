/**
 * ib.adaptivity — 000 §5.1: "there is a clear difference in the trend between γ < 1 (even if γ is
 * very close to 1) and γ = 1 … adaptivity in the optimizer help improve GAN performance": RMSProp
 * with γ < 1 beats γ = 1 (the SGD end) at tuned learning rates.
 *
 * Decision, per (dataset, H, γ < 1): one-sided paired Wilcoxon (pairs = seeds, α = 0.05 each) of
 * KL(γ = 1) > KL(γ); all must hold.
 */
import { experiment, type ExperimentClaim } from '../claim.ts';
import {
  PAPER_LR_GRID, drawSeeds, klVsStepsFigure, pairedWorse, summary, trainingLengths, tuneMany, tunedAt,
  type DatasetName, type SweepParams, type Tuned,
} from './gan-sweep.ts';

const TEST_ALPHA = 0.05;

interface AdaptParams extends SweepParams { datasets: DatasetName[]; widths: number[]; gammas: number[] }

/**
 * Slow tier scaled to the 2-core machine (~20 min on worker threads): mix3 and the 2-D grid, H = 128,
 * γ = 0.9 vs SGD, the paper's lr grid, 5 seeds, 20 000 steps, the decision re-made at 3 000 and
 * 10 000 steps.
 */
const SLOW: AdaptParams = { datasets: ['mix3', 'grid'], widths: [128], gammas: [0.9], lrGrid: PAPER_LR_GRID, seeds: 5, steps: 20000, checkpoints: [3000, 10000], batch: 64, evalN: 10000 };
const REDUCED: AdaptParams = { datasets: ['mix3'], widths: [64], gammas: [0.9], lrGrid: [-3.5, -3], seeds: 6, steps: 600, checkpoints: [200], batch: 32, evalN: 4000 };

export function makeAdaptivity(id: string, tier: 'fast' | 'slow', p: AdaptParams, expect: 'holds' | 'refuted' = 'holds', notes?: string): ExperimentClaim {
  return experiment({
    id,
    source: { paper: '000_cdda2fe4dacffe72.txt', where: '§5.1 (and Fig. 3a, RMSProp vs SGD)' },
    statement: 'In addition, there is a clear difference in the trend between γ < 1 (even if γ is very close to 1) and γ = 1 (Appendix B), which correspond to RMSProp with different parameters and SGD. This confirms the argument in Liu et al. [2019] that adaptivity in the optimizer help improve GAN performance.',
    checks: `Datasets ${p.datasets.join(', ')}, widths ${p.widths.join(', ')} (G and D), γ ∈ {${p.gammas.join(', ')}} vs γ = 1 (SGD); lr tuned per setting over 10^{${p.lrGrid.join(', ')}} by mean KL; ${p.seeds} seeds, ${p.steps} steps, batch ${p.batch}. For every (dataset, H, γ): one-sided paired Wilcoxon (α = ${TEST_ALPHA}) finds KL(γ = 1) > KL(γ).${p.checkpoints ? ` Decided at step ${p.steps}; the same decision re-made at steps ${p.checkpoints.join(', ')} (rates re-tuned there) is reported.` : ''}`,
    tier, kind: 'statistical', expect,
    ...(notes ? { notes } : {}),
    exercises: ['shallow-relu-gan'],
    run: async (ctx) => {
      const seeds = drawSeeds(ctx.rng, p.seeds);
      // Per (dataset, H): tuned[0] is SGD (γ = 1), tuned[1 + g] is RMSProp with p.gammas[g].
      const sweeps: { data: DatasetName; H: number; tuned: Tuned[] }[] = [];
      for (const data of p.datasets) for (const H of p.widths) {
        sweeps.push({ data, H, tuned: await tuneMany([1, ...p.gammas].map((gamma) => ({ data, H, gamma, alpha: 1 })), seeds, p, ctx.progress) });
      }
      const decide = (tuned: Tuned[]) => p.gammas.map((gamma, gi) => {
        const t = pairedWorse(tuned[0]!, tuned[1 + gi]!, 'kl');
        return { gamma, klSgdVsRmsprop: t, holds: t.pValue < TEST_ALPHA };
      });
      const blocks = sweeps.flatMap((s) => decide(s.tuned).map((b) => ({ data: s.data, H: s.H, ...b })));
      const holds = blocks.every((b) => b.holds);
      const rows: Record<string, unknown>[] = sweeps.flatMap((s) => s.tuned.map(summary));
      // The same decision re-made at each checkpoint (rates re-tuned there): training-length robustness.
      const byTrainingLength = trainingLengths(p).map((steps) => {
        const bs = sweeps.flatMap((s) => decide(s.tuned.map((t) => tunedAt(t, steps, p))).map((b) => ({
          data: s.data, H: s.H, gamma: b.gamma, meanKlSgd: b.klSgdVsRmsprop.worseMean, meanKlRmsprop: b.klSgdVsRmsprop.betterMean, pValue: b.klSgdVsRmsprop.pValue, holds: b.holds,
        })));
        return { steps, holds: bs.every((b) => b.holds), blocks: bs };
      });
      const fig = rows.flatMap((r) => (r.klBySeed as number[]).map((kl) => ({ setting: `${r.data} H=${r.H}`, gamma: String(r.gamma), kl })));
      return {
        holds,
        numRuns: rows.length * p.lrGrid.length * p.seeds,
        figures: [{ name: 'kl-vs-gamma', title: 'KL at the tuned learning rate: RMSProp γ < 1 vs γ = 1 (SGD); points: seeds', spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 240, height: 200, data: { values: fig }, facet: { column: { field: 'setting', type: 'nominal' } }, spec: { width: 200, height: 200, mark: { type: 'point', opacity: 0.6 }, encoding: { x: { field: 'gamma', type: 'nominal', title: 'γ' }, y: { field: 'kl', type: 'quantitative', title: 'KL' } } } } },
          klVsStepsFigure(sweeps.flatMap((s) => s.tuned), p, (st) => (st.gamma === 1 ? 'SGD (γ = 1)' : `RMSProp γ = ${st.gamma}`), (st) => `${st.data}, H = ${st.H}`)],
        evidence: { setup: { datasets: p.datasets, widths: p.widths, gammas: p.gammas, lrGridLog10: p.lrGrid, seeds: p.seeds, steps: p.steps, batch: p.batch, evalN: p.evalN, optimizer: 'RMSProp s ← γs + (1−γ)g², ε = 1e-8; γ = 1 is plain SGD', test: `one-sided paired Wilcoxon, α = ${TEST_ALPHA} each` },
          reason: blocks.filter((b) => !b.holds).map((b) => `${b.data} H = ${b.H}: mean KL SGD ${b.klSgdVsRmsprop.worseMean.toFixed(2)} vs RMSProp γ = ${b.gamma} ${b.klSgdVsRmsprop.betterMean.toFixed(2)}, p = ${b.klSgdVsRmsprop.pValue.toPrecision(3)}`).join('; '),
          blocks, byTrainingLength, settings: rows },
      };
    },
  });
}

export const ibAdaptivity = makeAdaptivity('ib.adaptivity', 'slow', SLOW, 'refuted',
  'Measured (default seed, 2026-11-23, 17 min on 2 worker threads; fixtures/ib/slow/ib.adaptivity.json), H = 128, paper lr grid, '
  + '5 seeds, 20 000 steps, read at 3 000 / 10 000 / 20 000: on the 2-D grid RMSProp γ = 0.9 beats SGD on every seed at every '
  + 'length (mean KL 2.92 vs 3.36, 2.74 vs 3.20, 2.46 vs 3.25; Wilcoxon p = 0.031 each, the smallest 5 pairs allow), with fewer '
  + 'mode mixtures (0.69 vs 0.94) and larger delta-slope updates (0.35 vs 0.06), as Fig. 3 says. On mix3 the two tie once '
  + 'trained: 0.79 vs 0.89 at 3 000 steps (p = 0.16), SGD ahead at 10 000 (0.75 vs 0.64) and 0.71 vs 0.70 at 20 000 (p = 0.69). '
  + 'The claim needs every (dataset, H) block, so it is not shown; the grid half is a clean reproduction, reported here and not '
  + 'registered separately because that split was seen only after the run.');
export const ibAdaptivityReduced = makeAdaptivity('ib.adaptivity.reduced', 'fast', REDUCED, 'refuted',
  'At the reduced scale (H = 64, 600 steps, 6 seeds) RMSProp γ = 0.9 has the lower KL on 5 of 6 seeds (mean 0.88 vs 1.70, '
  + 'rank-biserial 0.71) but the one-sided Wilcoxon test does not reach 0.05 (p = 0.078), so the decision is "not shown"; the '
  + 'seed count was not raised to make it pass. Other global seeds may flip this reduced verdict. The slow tier decides the claim.');
