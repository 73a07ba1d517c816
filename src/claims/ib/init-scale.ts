/**
 * ib.init-scale — 000 §5.1, Fig. 3b: a moderately small initialisation scale α (both players)
 * improves KL over α = 1, for SGD and for RMSProp, on the 2-D grid at H = 256; networks started small have larger
 * delta-slope absolute updates (Def. 2: mean_i ‖μ_i(T) − μ_i(0)‖).
 *
 * Decision, per optimizer γ, with α_small = 0.316 fixed in advance (the paper's "α_G = 0.316"):
 * paired Wilcoxon tests (pairs = seeds), each direction one-sided at the claim's level, of
 * KL(α = 1) > KL(α_small) and of Δμ(α_small) > Δμ(α = 1), each setting at its own tuned learning
 * rate; three outcomes over all tests (src/stats/verdict.ts).
 */
import { experiment, type ExperimentClaim } from '../claim.ts';
import {
  PAPER_LR_GRID, klVsStepsFigure, pairedDecision, pairedWorse, summary, trainingLengths, sweepExecution, tunedAt,
  type DatasetName, type SweepParams, type Tuned,
} from './gan-sweep.ts';
import { combineDecisions, describeDecision } from '../../stats/index.ts';
const ALPHA_SMALL = 0.316;

interface InitParams extends SweepParams {
  data: DatasetName; H: number; gammas: number[]; alphas: number[];
  /** Level of each one-sided test; regime 'reduced' never refutes the paper (src/stats/direction.ts). */
  testAlpha: number; regime: 'paper' | 'reduced';
}

/**
 * Slow tier, the paper's Fig. 3b setting (2-D grid, H = 256) scaled to the 2-core machine (~45 min on
 * worker threads): SGD (γ = 1) and RMSProp γ = 0.9, α ∈ {0.316, 1}, the paper's lr grid, 5 seeds,
 * 20 000 steps, the decision re-made at 3 000 and 10 000 steps.
 */
const SLOW: InitParams = { data: 'grid', H: 256, gammas: [1, 0.9], alphas: [ALPHA_SMALL, 1], lrGrid: PAPER_LR_GRID, seeds: 5, steps: 20000, checkpoints: [3000, 10000], batch: 64, evalN: 10000, testAlpha: 0.01, regime: 'paper' };
const REDUCED: InitParams = { data: 'mix3', H: 64, gammas: [0.9], alphas: [ALPHA_SMALL, 1], lrGrid: [-3.5, -3], seeds: 16, steps: 600, checkpoints: [200], batch: 32, evalN: 4000, testAlpha: 0.01, regime: 'reduced' };

export function makeInitScale(id: string, tier: 'fast' | 'slow', p: InitParams, expect: 'holds' | 'refuted' | 'not-shown' = 'holds', notes?: string): ExperimentClaim {
  return experiment({
    id,
    source: { paper: '000_cdda2fe4dacffe72.txt', where: '§5.1, Fig. 3b' },
    statement: 'Fig. 3b shows that a moderately small scale of initialization also improves GAN performance in both SGD and RMSProp cases, achieving even lower KL than any cases with α = 1. … We observe NNs starting with small initialization have even larger updates than those with large initialization.',
    checks: `Dataset ${p.data}, H = ${p.H} (G and D), α ∈ {${p.alphas.join(', ')}} on both players, γ ∈ {${p.gammas.join(', ')}} (1 = SGD); lr tuned per setting over 10^{${p.lrGrid.join(', ')}} by mean KL; ${p.seeds} seeds, ${p.steps} steps, batch ${p.batch}. Per γ: paired Wilcoxon tests of KL(α = 1) > KL(α = ${ALPHA_SMALL}) and of delta-slope update(α = ${ALPHA_SMALL}) > delta-slope update(α = 1), each direction one-sided at ${p.testAlpha}: holds if every test is significant in the paper's direction, ${p.regime === 'paper' ? 'refuted if some test is significant in the opposite one' : 'never refuted (reduced scale, outside the paper\'s regime)'}, otherwise not shown.${p.checkpoints ? ` Decided at step ${p.steps}; the same decision re-made at steps ${p.checkpoints.join(', ')} (rates re-tuned there) is reported.` : ''}`,
    tier, kind: 'statistical', expect,
    ...(notes ? { notes } : {}),
    exercises: ['shallow-relu-gan'],
    // One block per γ; the slow tier runs every training run as a unit.
    ...sweepExecution(p, p.gammas.map((gamma) => p.alphas.map((alpha) => ({ data: p.data, H: p.H, gamma, alpha }))), p.seeds, tier === 'slow', (tuned) => {
      const sweeps: { gamma: number; tuned: Tuned[] }[] = p.gammas.map((gamma, i) => ({ gamma, tuned: tuned[i]! }));
      const opts = { alpha: p.testAlpha, regime: p.regime, decidingScale: 'more seeds, longer training (see the slow tier)' };
      const decide = (tuned: Tuned[], gamma: number) => {
        const one = tuned[p.alphas.indexOf(1)]!;
        const small = tuned[p.alphas.indexOf(ALPHA_SMALL)]!;
        const opt = gamma === 1 ? 'SGD' : `RMSProp γ = ${gamma}`;
        const kl = pairedDecision(`KL(α = 1) > KL(α = ${ALPHA_SMALL}), ${opt}`, one, small, 'kl', opts);
        const upd = pairedDecision(`delta-slope update(α = ${ALPHA_SMALL}) > (α = 1), ${opt}`, small, one, 'deltaSlopeUpdate', opts);
        return { kl, upd, klAlpha1VsSmall: pairedWorse(one, small, 'kl'), deltaSlopeUpdateSmallVsAlpha1: pairedWorse(small, one, 'deltaSlopeUpdate') };
      };
      const blocks = sweeps.map((s) => ({ gamma: s.gamma, ...decide(s.tuned, s.gamma) }));
      const decision = combineDecisions('small initialisation helps, every optimizer', blocks.flatMap((b) => [b.kl, b.upd]));
      const rows: Record<string, unknown>[] = sweeps.flatMap((s) => s.tuned.map(summary));
      // The same decision re-made at each checkpoint (rates re-tuned there): training-length robustness.
      const byTrainingLength = trainingLengths(p).map((steps) => {
        const bs = sweeps.map((s) => {
          const b = decide(s.tuned.map((t) => tunedAt(t, steps, p)), s.gamma);
          return { gamma: s.gamma, meanKlAlpha1: b.klAlpha1VsSmall.worseMean, meanKlSmall: b.klAlpha1VsSmall.betterMean, pKl: b.kl.pPaper, pKlOpposite: b.kl.pOpposite, meanUpdateSmall: b.deltaSlopeUpdateSmallVsAlpha1.worseMean, meanUpdateAlpha1: b.deltaSlopeUpdateSmallVsAlpha1.betterMean, pUpdate: b.upd.pPaper, pUpdateOpposite: b.upd.pOpposite, verdict: combineDecisions('', [b.kl, b.upd]).verdict };
        });
        return { steps, verdict: bs.some((b) => b.verdict === 'refuted') ? 'refuted' : bs.every((b) => b.verdict === 'holds') ? 'holds' : 'not-shown', blocks: bs };
      });
      const fig = rows.flatMap((r) => (r.klBySeed as number[]).map((kl) => ({ alpha: r.alpha, optimizer: r.gamma === 1 ? 'SGD' : `RMSProp γ = ${r.gamma}`, kl, deltaSlopeUpdate: r.meanDeltaSlopeUpdate })));
      return {
        decision,
        numRuns: p.gammas.length * p.alphas.length * p.lrGrid.length * p.seeds,
        figures: [
          { name: 'kl-vs-alpha', title: `KL vs initialisation scale α at H = ${p.H} (tuned lr; points: seeds)`, spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 280, height: 200, data: { values: fig }, encoding: { x: { field: 'alpha', type: 'quantitative', scale: { type: 'log' } }, color: { field: 'optimizer', type: 'nominal' } }, layer: [{ mark: { type: 'point', opacity: 0.5 }, encoding: { y: { field: 'kl', type: 'quantitative', title: 'KL' } } }, { mark: 'line', encoding: { y: { aggregate: 'mean', field: 'kl', type: 'quantitative' } } }] } },
          { name: 'delta-slope-vs-alpha', title: 'Mean delta-slope absolute update ‖μ(T) − μ(0)‖ vs α (Fig. 3b right)', spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 280, height: 200, data: { values: rows.map((r) => ({ alpha: r.alpha, optimizer: r.gamma === 1 ? 'SGD' : `RMSProp γ = ${r.gamma}`, update: r.meanDeltaSlopeUpdate })) }, mark: { type: 'line', point: true }, encoding: { x: { field: 'alpha', type: 'quantitative', scale: { type: 'log' } }, y: { field: 'update', type: 'quantitative' }, color: { field: 'optimizer', type: 'nominal' } } } },
          klVsStepsFigure(sweeps.flatMap((s) => s.tuned), p, (st) => `α = ${st.alpha}`, (st) => (st.gamma === 1 ? 'SGD' : `RMSProp γ = ${st.gamma}`)),
        ],
        evidence: { setup: { data: p.data, H: p.H, alphas: p.alphas, alphaSmall: ALPHA_SMALL, gammas: p.gammas, lrGridLog10: p.lrGrid, seeds: p.seeds, steps: p.steps, batch: p.batch, evalN: p.evalN, test: `paired Wilcoxon both ways, α = ${p.testAlpha} each`, regime: p.regime },
          ...(decision.verdict !== 'holds' ? { reason: blocks.flatMap((b) => [b.kl, b.upd]).filter((d) => d.verdict !== 'holds').map(describeDecision).join('; ') } : {}),
          blocks: blocks.map((b) => ({ gamma: b.gamma, kl: b.klAlpha1VsSmall, deltaSlopeUpdate: b.deltaSlopeUpdateSmallVsAlpha1, verdict: combineDecisions('', [b.kl, b.upd]).verdict })), byTrainingLength, settings: rows },
      };
    }),
  });
}

export const ibInitScale = makeInitScale('ib.init-scale', 'slow', SLOW, 'not-shown',
  'Measured (default seed, 2026-11-23, 49 min on 2 worker threads; fixtures/ib/slow/ib.init-scale.json), the paper\'s Fig. 3b '
  + 'setting (2-D grid, H = 256), paper lr grid, 5 seeds, 20 000 steps, read at 3 000 / 10 000 / 20 000: α = 1 has the lower '
  + 'KL for both optimizers at every length — SGD 3.07 vs 3.57 at α = 0.316 (3.30 vs 3.97 at 3 000), RMSProp γ = 0.9 2.28 vs '
  + '2.50 (3.04 vs 3.12 at 3 000); Wilcoxon p ≥ 0.59 for the paper\'s direction throughout. Delta-slope updates: SGD opposite '
  + 'to the paper (0.016 at α = 0.316 vs 0.044 at α = 1); RMSProp in the paper\'s direction only at 20 000 steps and not '
  + 'significantly (0.135 vs 0.118, p = 0.16). SGD picks the top of the paper\'s rate grid (1e-3) at both scales, so its best '
  + 'rate may lie above the grid. An earlier run on mix3 (H = 256, 3 000 steps, 2026-11-23) went the same way for SGD and '
  + 'showed RMSProp\'s larger delta-slope update at α = 0.316 on every seed (p = 0.031) without the KL gain. Registered '
  + 'refuted until 2026-12-04; with 5 seeds no paired test can go below p = 1/32, so at α = 0.01 this is not shown.');
export const ibInitScaleReduced = makeInitScale('ib.init-scale.reduced', 'fast', REDUCED, 'not-shown',
  'Outside the paper\'s regime (mix3, H = 64, 600 steps, 16 seeds): the KL half leans the paper\'s way (p = 0.019 on one '
  + 'global seed, not significant at α = 0.01) while the delta-slope half is significantly opposite (α = 1 moves its '
  + 'breakpoints more; opposite p ≤ 3e-4 on 8 of 8 global seeds): in 600 steps the small-scale network has not grown its output '
  + 'to the data\'s scale. A reduced run never refutes the paper, so the verdict is not shown; the slow tier decides the claim. '
  + 'Until 2026-12-04 it was registered refuted on 6 seeds (p = 0.66).');
