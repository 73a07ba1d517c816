/**
 * ib.width-hurts — 000 §5.1, Fig. 3a: with the learning rate tuned per width over the paper's grid,
 * shallow ReLU GANs (both players width H) reach their best KL at a moderate width, the largest
 * width is significantly worse, and larger widths show more mode mixture.
 *
 * Decision, per (dataset, optimizer γ), three outcomes (src/stats/verdict.ts): H* = argmin of the
 * mean KL over the widths below the largest; paired Wilcoxon tests (pairs = seeds), each direction
 * one-sided at the claim's α, of KL(H_max) > KL(H*) and of mode-mixture(H_max) > mode-mixture(H_min).
 * H* is chosen on the same seeds it is tested on (as the paper's figure does), which favours the
 * paper's direction and makes the opposite direction conservative; stated in the evidence. The
 * claim holds iff every block holds, is refuted if some block is significant the other way.
 */
import { experiment, type ExperimentClaim } from '../claim.ts';
import {
  PAPER_LR_GRID, klVsStepsFigure, pairedDecision, summary, trainingLengths, sweepExecution, tunedAt,
  type DatasetName, type SweepParams, type Tuned,
} from './gan-sweep.ts';
import { combineDecisions, describeDecision } from '../../stats/index.ts';

interface WidthParams extends SweepParams {
  datasets: DatasetName[];
  widths: number[];
  gammas: number[];
  /** Level of each one-sided test; regime 'reduced' never refutes the paper (src/stats/direction.ts). */
  testAlpha: number;
  regime: 'paper' | 'reduced';
}

/**
 * Slow tier, scaled to the 2-core machine (~1 h on worker threads): mix3 and the 2-D grid, RMSProp
 * γ = 0.9, widths 16/128/512 (the paper's best RMSProp width 128 in the middle), the paper's
 * learning-rate grid, 5 seeds, 20 000 steps, the decision re-made at 3 000 and 10 000 steps. SGD
 * (γ = 1) is supported but not run: its paper optimum is H = 512, so its block needs H = 2048,
 * ≈ 4 min per 20 000-step run here, 35 runs per dataset.
 */
const SLOW: WidthParams = { datasets: ['mix3', 'grid'], widths: [16, 128, 512], gammas: [0.9], lrGrid: PAPER_LR_GRID, seeds: 5, steps: 20000, checkpoints: [3000, 10000], batch: 64, evalN: 10000, testAlpha: 0.01, regime: 'paper' };
const REDUCED: WidthParams = { datasets: ['mix3'], widths: [16, 256], gammas: [0.9], lrGrid: [-3.5, -3], seeds: 16, steps: 600, checkpoints: [200], batch: 32, evalN: 4000, testAlpha: 0.01, regime: 'reduced' };

/** One (dataset, γ) block of the decision, on settings ordered by width. */
function decideBlock(tuned: Tuned[], widths: number[], label: string, p: WidthParams) {
  const meanKlByWidth = tuned.map((t) => t.cells.reduce((a, c) => a + c.kl, 0) / t.cells.length);
  const last = tuned.length - 1;
  let best = 0;
  for (let i = 1; i < last; i++) if (meanKlByWidth[i]! < meanKlByWidth[best]!) best = i;
  const opts = { alpha: p.testAlpha, regime: p.regime, decidingScale: 'more seeds, longer training, widths up to 2048 (see the slow tier)' };
  const kl = pairedDecision(`KL(H = ${widths[last]}) > KL(H* = ${widths[best]}) on ${label}`, tuned[last]!, tuned[best]!, 'kl', opts);
  const mm = pairedDecision(`mode mixture(H = ${widths[last]}) > mode mixture(H = ${widths[0]}) on ${label}`, tuned[last]!, tuned[0]!, 'modeMixture', opts);
  return { bestModerateWidth: widths[best]!, bestWidthOverall: meanKlByWidth[last]! < meanKlByWidth[best]! ? widths[last]! : widths[best]!, meanKlByWidth, kl, mm, decision: combineDecisions(`width hurts on ${label}`, [kl, mm]) };
}

export function makeWidthHurts(id: string, tier: 'fast' | 'slow', p: WidthParams, expect: 'holds' | 'refuted' | 'not-shown' = 'holds', notes?: string): ExperimentClaim {
  return experiment({
    id,
    source: { paper: '000_cdda2fe4dacffe72.txt', where: '§5.1, Fig. 3a' },
    statement: 'In Fig. 3a, we observe GAN performance is the best with smaller width (512 for SGD and 128 for RMSProp), as long as the NNs have sufficient expressive power. … overparameterization actually hurts GAN performance … larger networks have more mode mixtures.',
    checks: `Datasets ${p.datasets.join(', ')}; widths ${p.widths.join(', ')} (G and D); γ ∈ {${p.gammas.join(', ')}} (1 = SGD); lr tuned per (dataset, H, γ) over 10^{${p.lrGrid.join(', ')}} by mean KL; ${p.seeds} seeds, ${p.steps} steps, batch ${p.batch}, KL on ${p.evalN} samples. Per (dataset, γ): with H* the KL-best width below the largest, paired Wilcoxon tests of KL(H_max) > KL(H*) and of mode mixture(H_max) > mode mixture(H_min), each direction one-sided at α = ${p.testAlpha}: holds if every test of every block is significant in the paper's direction, ${p.regime === 'paper' ? 'refuted if some test is significant in the opposite one' : 'never refuted (reduced scale, outside the paper\'s regime)'}, otherwise not shown.${p.checkpoints ? ` Decided at step ${p.steps}; the same decision re-made at steps ${p.checkpoints.join(', ')} (rates re-tuned there) is reported.` : ''}`,
    tier, kind: 'statistical', expect,
    ...(notes ? { notes } : {}),
    exercises: ['shallow-relu-gan'],
    // One block per (dataset, γ); the slow tier runs every training run as a unit.
    ...sweepExecution(p, widthBlocks(p).map((b) => b.settings), p.seeds, tier === 'slow', (tuned) => {
      const sweeps: { data: DatasetName; gamma: number; tuned: Tuned[] }[] = widthBlocks(p).map((b, i) => ({ data: b.data, gamma: b.gamma, tuned: tuned[i]! }));
      const runs = sweeps.length * p.widths.length * p.lrGrid.length * p.seeds;
      const label = (s: { data: DatasetName; gamma: number }) => `${s.data}, ${s.gamma === 1 ? 'SGD' : `RMSProp γ = ${s.gamma}`}`;
      const blocks = sweeps.map((s) => ({ data: s.data, gamma: s.gamma, ...decideBlock(s.tuned, p.widths, label(s), p) }));
      const decision = combineDecisions('width hurts, every (dataset, optimizer)', blocks.flatMap((b) => [b.kl, b.mm]));
      const rows: Record<string, unknown>[] = sweeps.flatMap((s) => s.tuned.map(summary));
      // The same decision re-made at each checkpoint (rates re-tuned there): training-length robustness.
      const byTrainingLength = trainingLengths(p).map((steps) => {
        const bs = sweeps.map((s) => ({ s, b: decideBlock(s.tuned.map((t) => tunedAt(t, steps, p)), p.widths, label(s), p) }));
        return {
          steps,
          verdict: combineDecisions('all blocks', bs.map(({ b }) => b.decision)).verdict,
          blocks: bs.map(({ s, b }) => ({ data: s.data, gamma: s.gamma, bestModerateWidth: b.bestModerateWidth, meanKlByWidth: b.meanKlByWidth, pKlLargestVsBest: b.kl.pPaper, pKlOpposite: b.kl.pOpposite, pModeMixture: b.mm.pPaper, pModeMixtureOpposite: b.mm.pOpposite, verdict: b.decision.verdict })),
        };
      });
      const figData = rows.flatMap((r) => (r.klBySeed as number[]).map((kl) => ({ data: r.data, optimizer: r.gamma === 1 ? 'SGD (γ = 1)' : `RMSProp γ = ${r.gamma}`, H: r.H, kl })));
      return {
        decision,
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
          setup: { datasets: 'mix3-1d: 3 equal Gaussians at −2, 0, 2, σ 0.2; grid-2d: 25 equal Gaussians on {−2,…,2}², σ 0.05 (paper\'s App. C not available)', widths: p.widths, gammas: p.gammas, lrGridLog10: p.lrGrid, seeds: p.seeds, steps: p.steps, batch: p.batch, evalN: p.evalN, kl: 'histogram plug-in KL(P_data ‖ P_gen), exact target bins, Jeffreys smoothing', modeMixture: 'fraction of samples > 3σ from every mode', test: `paired Wilcoxon both ways, α = ${p.testAlpha} each; H* selected on the same seeds`, regime: p.regime },
          ...(decision.verdict !== 'holds' ? { reason: [...blocks.flatMap((b) => [b.kl, b.mm])].filter((d) => d.verdict !== 'holds').map(describeDecision).join('; ') } : {}),
          blocks: blocks.map(({ kl: _k, mm: _m, decision: d, ...rest }) => ({ ...rest, verdict: d.verdict })),
          byTrainingLength,
          settings: rows,
        },
      };
    }),
  });
}

function widthBlocks(p: WidthParams) {
  return p.datasets.flatMap((data) => p.gammas.map((gamma) => ({ data, gamma, settings: p.widths.map((H) => ({ data, H, gamma, alpha: 1 })) })));
}

export const ibWidthHurts = makeWidthHurts('ib.width-hurts', 'slow', SLOW, 'not-shown',
  'Measured (default seed, 2026-11-23, 50 min on 2 worker threads; fixtures/ib/slow/ib.width-hurts.json), RMSProp γ = 0.9, '
  + 'paper lr grid, 5 seeds, 20 000 steps: the largest width has the lowest mean KL on both datasets at every training length '
  + 'read — mix3 0.83 (H = 16), 0.90 (128), 0.76 (512) at 20 000 steps (1.17, 1.48, 0.75 at 3 000; 0.94, 1.07, 0.84 at 10 000); '
  + '2-D grid 3.72, 2.33, 2.27 (3.55, 2.92, 2.87 at 3 000; 3.45, 2.85, 2.48 at 10 000) — and mode mixture does not grow with '
  + 'width (mix3 0.16, 0.04, 0.10; grid 0.91, 0.70, 0.74; p = 1 for the paper\'s direction). The 3 000-step reading equals the '
  + 'earlier 3 000-step run bit for bit. The paper\'s direction (best at 128 for RMSProp, larger widths worse) is not '
  + 'reproduced; on the grid H = 128 and 512 are close at 20 000 steps (gap 0.06), so a longer run could still separate them. '
  + 'The grid GANs are far from converged (KL ≈ 2.3, 70 % of samples between modes); the paper\'s step counts (App. C) are '
  + 'unknown. SGD (whose paper optimum, 512, needs H = 2048 above it) was not run; its block could only add to the refutation, '
  + 'since the claim needs every block. Registered refuted until 2026-12-04; with 5 seeds no paired test can go below '
  + 'p = 1/32, so under the three-outcome rule (α = 0.01) the run shows neither direction: not shown.');
export const ibWidthHurtsReduced = makeWidthHurts('ib.width-hurts.reduced', 'fast', REDUCED, 'not-shown',
  'Outside the paper\'s regime, and not shown there: at 600 steps (mix3, H = 16 vs 256, 16 seeds) both GANs are undertrained '
  + 'and the wider pair fits faster, so the opposite direction is significant (largest width better and with fewer mode '
  + 'mixtures; opposite p from 1.5e-5 to 4.6e-3 over 8 global seeds, paper-direction p ≥ 0.996). A reduced run never refutes '
  + 'the paper (src/stats/direction.ts), so the verdict is not shown; it would be decided by trained GANs at the paper\'s '
  + 'widths (the slow tier). Kept as a gate on the sweep pipeline: a bug that made wide nets fit worse would turn it to holds. '
  + 'Until 2026-12-04 it was registered refuted on 6 seeds.');
export const WIDTH_HURTS_SLOW = SLOW;
