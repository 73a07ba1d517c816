/**
 * ib.width-hurts — 000 §5.1, Fig. 3a: with the learning rate tuned per width over the paper's grid,
 * shallow ReLU GANs (both players width H) reach their best KL at a moderate width, the largest
 * width is significantly worse, and larger widths show more mode mixture.
 *
 * Decision, per (dataset, optimizer γ): H* = argmin of the mean KL over widths; holds iff H* is not
 * the largest width, and one-sided paired Wilcoxon tests (pairs = seeds, α = 0.05 each) find
 * KL(H_max) > KL(H*) and mode-mixture(H_max) > mode-mixture(H_min). H* is chosen on the same seeds
 * it is tested on (as the paper's figure does), which favours the moderate width; stated in the
 * evidence. The claim holds iff every (dataset, γ) block holds (intersection–union).
 */
import { experiment, type ExperimentClaim } from '../claim.ts';
import {
  PAPER_LR_GRID, drawSeeds, klVsStepsFigure, pairedWorse, summary, trainingLengths, tuneMany, tunedAt,
  type DatasetName, type SweepParams, type Tuned,
} from './gan-sweep.ts';

const TEST_ALPHA = 0.05;

interface WidthParams extends SweepParams {
  datasets: DatasetName[];
  widths: number[];
  gammas: number[];
}

/**
 * Slow tier, scaled to the 2-core machine (~1 h on worker threads): mix3 and the 2-D grid, RMSProp
 * γ = 0.9, widths 16/128/512 (the paper's best RMSProp width 128 in the middle), the paper's
 * learning-rate grid, 5 seeds, 20 000 steps, the decision re-made at 3 000 and 10 000 steps. SGD
 * (γ = 1) is supported but not run: its paper optimum is H = 512, so its block needs H = 2048,
 * ≈ 4 min per 20 000-step run here, 35 runs per dataset.
 */
const SLOW: WidthParams = { datasets: ['mix3', 'grid'], widths: [16, 128, 512], gammas: [0.9], lrGrid: PAPER_LR_GRID, seeds: 5, steps: 20000, checkpoints: [3000, 10000], batch: 64, evalN: 10000 };
const REDUCED: WidthParams = { datasets: ['mix3'], widths: [16, 256], gammas: [0.9], lrGrid: [-3.5, -3], seeds: 6, steps: 600, checkpoints: [200], batch: 32, evalN: 4000 };

/** One (dataset, γ) block of the decision, on settings ordered by width. */
function decideBlock(tuned: Tuned[], widths: number[]) {
  const meanKlByWidth = tuned.map((t) => t.cells.reduce((a, c) => a + c.kl, 0) / t.cells.length);
  let best = 0;
  for (let i = 1; i < meanKlByWidth.length; i++) if (meanKlByWidth[i]! < meanKlByWidth[best]!) best = i;
  const last = tuned.length - 1;
  const klLargestVsBest = pairedWorse(tuned[last]!, tuned[best]!, 'kl');
  const modeMixtureLargestVsSmallest = pairedWorse(tuned[last]!, tuned[0]!, 'modeMixture');
  const moderateBest = best < last;
  const holds = moderateBest && klLargestVsBest.pValue < TEST_ALPHA && modeMixtureLargestVsSmallest.pValue < TEST_ALPHA;
  return { bestWidth: widths[best]!, moderateBest, meanKlByWidth, klLargestVsBest, modeMixtureLargestVsSmallest, holds };
}

export function makeWidthHurts(id: string, tier: 'fast' | 'slow', p: WidthParams, expect: 'holds' | 'refuted' = 'holds', notes?: string): ExperimentClaim {
  return experiment({
    id,
    source: { paper: '000_cdda2fe4dacffe72.txt', where: '§5.1, Fig. 3a' },
    statement: 'In Fig. 3a, we observe GAN performance is the best with smaller width (512 for SGD and 128 for RMSProp), as long as the NNs have sufficient expressive power. … overparameterization actually hurts GAN performance … larger networks have more mode mixtures.',
    checks: `Datasets ${p.datasets.join(', ')}; widths ${p.widths.join(', ')} (G and D); γ ∈ {${p.gammas.join(', ')}} (1 = SGD); lr tuned per (dataset, H, γ) over 10^{${p.lrGrid.join(', ')}} by mean KL; ${p.seeds} seeds, ${p.steps} steps, batch ${p.batch}, KL on ${p.evalN} samples. Per (dataset, γ): the KL-best width is not the largest, one-sided paired Wilcoxon (α = ${TEST_ALPHA}) finds KL(H_max) > KL(H_best) and mode mixture(H_max) > mode mixture(H_min); all blocks must hold.${p.checkpoints ? ` Decided at step ${p.steps}; the same decision re-made at steps ${p.checkpoints.join(', ')} (rates re-tuned there) is reported.` : ''}`,
    tier, kind: 'statistical', expect,
    ...(notes ? { notes } : {}),
    exercises: ['shallow-relu-gan'],
    run: async (ctx) => {
      const seeds = drawSeeds(ctx.rng, p.seeds);
      const sweeps: { data: DatasetName; gamma: number; tuned: Tuned[] }[] = [];
      for (const data of p.datasets) {
        for (const gamma of p.gammas) sweeps.push({ data, gamma, tuned: await tuneMany(p.widths.map((H) => ({ data, H, gamma, alpha: 1 })), seeds, p, ctx.progress) });
      }
      const runs = sweeps.length * p.widths.length * p.lrGrid.length * p.seeds;
      const blocks = sweeps.map((s) => ({ data: s.data, gamma: s.gamma, ...decideBlock(s.tuned, p.widths) }));
      const holds = blocks.every((b) => b.holds);
      const rows: Record<string, unknown>[] = sweeps.flatMap((s) => s.tuned.map(summary));
      // The same decision re-made at each checkpoint (rates re-tuned there): training-length robustness.
      const byTrainingLength = trainingLengths(p).map((steps) => {
        const bs = sweeps.map((s) => {
          const b = decideBlock(s.tuned.map((t) => tunedAt(t, steps, p)), p.widths);
          return { data: s.data, gamma: s.gamma, bestWidth: b.bestWidth, meanKlByWidth: b.meanKlByWidth, pKlLargestVsBest: b.klLargestVsBest.pValue, pModeMixtureLargestVsSmallest: b.modeMixtureLargestVsSmallest.pValue, holds: b.holds };
        });
        return { steps, holds: bs.every((b) => b.holds), blocks: bs };
      });
      const figData = rows.flatMap((r) => (r.klBySeed as number[]).map((kl) => ({ data: r.data, optimizer: r.gamma === 1 ? 'SGD (γ = 1)' : `RMSProp γ = ${r.gamma}`, H: r.H, kl })));
      return {
        holds,
        numRuns: runs,
        figures: [{
          name: 'kl-vs-width', title: 'KL(P_data ‖ P_gen) at the tuned learning rate vs width (points: seeds; line: mean). Paper (Fig. 3a): best at H = 512 (SGD), 128 (RMSProp)',
          spec: {
            $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
            data: { values: figData },
            facet: { column: { field: 'data', type: 'nominal' } },
            spec: {
              width: 260, height: 200,
              encoding: { x: { field: 'H', type: 'quantitative', scale: { type: 'log' } }, color: { field: 'optimizer', type: 'nominal' } },
              layer: [
                { mark: { type: 'point', opacity: 0.5 }, encoding: { y: { field: 'kl', type: 'quantitative', title: 'KL' } } },
                { mark: 'line', encoding: { y: { aggregate: 'mean', field: 'kl', type: 'quantitative' } } },
              ],
            },
          },
        }, klVsStepsFigure(sweeps.flatMap((s) => s.tuned), p, (st) => `H = ${st.H}`, (st) => `${st.data}, ${st.gamma === 1 ? 'SGD' : `RMSProp γ = ${st.gamma}`}`)],
        evidence: {
          setup: { datasets: 'mix3-1d: 3 equal Gaussians at −2, 0, 2, σ 0.2; grid-2d: 25 equal Gaussians on {−2,…,2}², σ 0.05 (paper\'s App. C not available)', widths: p.widths, gammas: p.gammas, lrGridLog10: p.lrGrid, seeds: p.seeds, steps: p.steps, batch: p.batch, evalN: p.evalN, kl: 'histogram plug-in KL(P_data ‖ P_gen), exact target bins, Jeffreys smoothing', modeMixture: 'fraction of samples > 3σ from every mode', test: `one-sided paired Wilcoxon, α = ${TEST_ALPHA} each; best width selected on the same seeds` },
          reason: blocks.filter((b) => !b.holds).map((b) => `${b.data} γ = ${b.gamma}: best width ${b.bestWidth}${b.moderateBest ? '' : ' (the largest)'}, KL(H_max) > KL(H_best) p = ${b.klLargestVsBest.pValue.toPrecision(3)}, mode mixture(H_max) > (H_min) p = ${b.modeMixtureLargestVsSmallest.pValue.toPrecision(3)}`).join('; '),
          blocks,
          byTrainingLength,
          settings: rows,
        },
      };
    },
  });
}

export const ibWidthHurts = makeWidthHurts('ib.width-hurts', 'slow', SLOW, 'refuted',
  'Measured (default seed, 2026-11-23, 50 min on 2 worker threads; fixtures/ib/slow/ib.width-hurts.json), RMSProp γ = 0.9, '
  + 'paper lr grid, 5 seeds, 20 000 steps: the largest width has the lowest mean KL on both datasets at every training length '
  + 'read — mix3 0.83 (H = 16), 0.90 (128), 0.76 (512) at 20 000 steps (1.17, 1.48, 0.75 at 3 000; 0.94, 1.07, 0.84 at 10 000); '
  + '2-D grid 3.72, 2.33, 2.27 (3.55, 2.92, 2.87 at 3 000; 3.45, 2.85, 2.48 at 10 000) — and mode mixture does not grow with '
  + 'width (mix3 0.16, 0.04, 0.10; grid 0.91, 0.70, 0.74; p = 1 for the paper\'s direction). The 3 000-step reading equals the '
  + 'earlier 3 000-step run bit for bit. The paper\'s direction (best at 128 for RMSProp, larger widths worse) is not '
  + 'reproduced; on the grid H = 128 and 512 are close at 20 000 steps (gap 0.06), so a longer run could still separate them. '
  + 'The grid GANs are far from converged (KL ≈ 2.3, 70 % of samples between modes); the paper\'s step counts (App. C) are '
  + 'unknown. SGD (whose paper optimum, 512, needs H = 2048 above it) was not run; its block could only add to the refutation, '
  + 'since the claim needs every block.');
export const ibWidthHurtsReduced = makeWidthHurts('ib.width-hurts.reduced', 'fast', REDUCED, 'refuted',
  'The reduced scale does not reproduce the direction, and the setup was not tuned until it did: at 600 steps both GANs are '
  + 'undertrained (mean KL ≈ 1.3 at H = 16, ≈ 1.1 at H = 256, vs ≈ 0.5 for a well-trained H = 64 run at 20k steps) and the wider '
  + 'pair fits faster, so the largest width is the best and has fewer mode mixtures (Wilcoxon p = 1 for both). It is kept as a '
  + 'record of that and as a pipeline check of the sweep; the slow tier decides the claim.');
export const WIDTH_HURTS_SLOW = SLOW;
