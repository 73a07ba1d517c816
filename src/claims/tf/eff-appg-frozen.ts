/**
 * eff.appg-frozen (gpu) and eff.appg-frozen.smoke (fast): 001 App. G, Fig. 20.
 *
 * The width-2¹⁶ ReLU generator of App. G (src/tf/appg.ts) is trained in a GAN on one fixed set of 200
 * seeds toward 8 Gaussians on a ring (radius 1, std 0.05; App. G does not give the ring's size), with
 * RMSProp lr 10⁻³ for G. Its NTK peaks g₁, g₂ (closed form, medians as in Fig. 20) are tracked.
 * gpu: holds iff the outputs converge (mean distance to the nearest centre ≤ CONVERGED_DIST and all 8
 * modes hold outputs) while max_t |g(t) − g(0)|/g(0) < FROZEN_RTOL for both peaks ("the two peaks
 * hardly vary").
 * smoke (width 2¹⁰, 200 steps, wasm): checks the pipeline, not the paper: the initial mean kernel entries
 * match their exact expectation given the weights within INIT_RTOL (an independent formula), the mean distance
 * to the nearest centre falls ≥ SMOKE_SHRINK× with all 8 modes held, the drift is finite and reported (at width 2¹⁰ it is expected ~8× the width-2¹⁶ one).
 */
import { experiment, type Claim, type ClaimContext, type ExperimentOutcome } from '../claim.ts';
import type { AppGConfig } from '../../tf/appg.ts';
import { loadTf } from './load-tf.ts';
import { lineFigure } from '../../tf/figures.ts';

/** "A few percent" (001 App. G: "The two peaks hardly vary"): 3 %. */
const FROZEN_RTOL = 0.03;
/** Converged: mean distance to the nearest centre within 2 std of the ring's Gaussians (an exact sample has mean distance 1.25 std). */
const CONVERGED_DIST = 0.1;
/**
 * Initial mean NTK entries vs their exact expectation given the drawn weights (appg.ts
 * conditionalExpectation): the per-seed spread is ≈ √3/√width ≈ 5 % at 2¹⁰, its mean over 200 seeds
 * (and 200·199 pairs) ≈ 0.4 %; 2 % is five of those. (Against the infinite-width values the finite-width
 * draw of a alone moves the peaks by ≈ 6 % at 2¹⁰, too much for a check, so those are only reported.)
 */
const INIT_RTOL = 0.02;
/** Smoke sanity bound on the drift at width 2¹⁰ (measured ≈ 6 %; a broken NTK or optimiser moves it by far more). */
const SMOKE_DRIFT_MAX = 0.25;
/**
 * Smoke "the pipeline trains": the mean distance to the nearest centre falls at least this many
 * times in its 200 steps (≈ 0.64 → 0.05–0.11) and all 8 modes hold outputs. The gpu claim's absolute
 * CONVERGED_DIST at 200 steps was a coin flip at the margin (0.114 on 1 of 20 global seeds).
 */
const SMOKE_SHRINK = 3;

export interface AppGParams { id: string; tier: 'gpu' | 'fast'; cfg: AppGConfig }

const RING = { modes: 8, radius: 1, std: 0.05 };

export const APPG_GPU: AppGParams = {
  id: 'eff.appg-frozen', tier: 'gpu',
  cfg: { width: 2 ** 16, widthD: 2048, seeds: 200, steps: 2000, lrG: 1e-3, lrD: 5e-3, gamma: 0.9, batch: 200, ring: RING, every: 100 },
};

export const APPG_SMOKE: AppGParams = {
  id: 'eff.appg-frozen.smoke', tier: 'fast',
  cfg: { width: 2 ** 10, widthD: 256, seeds: 200, steps: 200, lrG: 1e-3, lrD: 5e-3, gamma: 0.9, batch: 200, ring: RING, every: 50 },
};

export function makeAppGRun(p: AppGParams) {
  return async (ctx: ClaimContext): Promise<ExperimentOutcome> => {
    const { initBackend, trainAppG, APPG_G1_INF, APPG_G2_INF } = await loadTf();
    const backend = await initBackend(ctx.options.backend ?? 'auto');
    const r = trainAppG(p.cfg, ctx.rng, (m) => ctx.progress(m));
    const h0 = r.history[0]!;
    const last = r.history[r.history.length - 1]!;
    const drift = (k: 'g1' | 'g2') => Math.max(...r.history.map((h) => Math.abs(h[k] - h0[k]) / h0[k]));
    const d1 = drift('g1');
    const d2 = drift('g2');
    const converged = r.divergedAt === undefined && last.meanDist <= CONVERGED_DIST && last.modesCovered === RING.modes;
    const initErr1 = Math.abs(h0.meanSame - r.expected0.same) / r.expected0.same;
    const initErr2 = Math.abs(h0.meanCross - r.expected0.cross) / r.expected0.cross;
    const smoke = p.tier === 'fast';
    const trains = r.divergedAt === undefined && last.meanDist * SMOKE_SHRINK <= h0.meanDist && last.modesCovered === RING.modes;
    const holds = smoke
      ? trains && initErr1 <= INIT_RTOL && initErr2 <= INIT_RTOL && d1 < SMOKE_DRIFT_MAX && d2 < SMOKE_DRIFT_MAX
      : converged && d1 < FROZEN_RTOL && d2 < FROZEN_RTOL;
    const c = p.cfg;
    return {
      holds,
      numRuns: 1,
      evidence: {
        backend: backend.name, ...(backend.adapter ? { adapter: backend.adapter } : {}),
        decides: smoke ? 'pipeline only (smoke, width 2¹⁰): initial kernel vs its expectation, convergence, drift reported' : `the paper's claim: drift < ${FROZEN_RTOL} while the outputs converge`,
        setup: `width ${c.width} ReLU generator (w~N(0,0.046), b=0, a~N(0,2.25)), ${c.seeds} seeds on S^255, D width ${c.widthD} (a,w~N(0,1), b~N(0,9)), RMSProp γ=${c.gamma} lrG=${c.lrG} lrD=${c.lrD}, ${c.steps} steps, ${c.batch} real samples/step, 8 Gaussians radius ${RING.radius} std ${RING.std}`,
        g1Initial: +h0.g1.toFixed(4), g2Initial: +h0.g2.toFixed(4),
        initialMeansVsExpectation: `same-seed ${h0.meanSame.toFixed(4)} vs ${r.expected0.same.toFixed(4)} (rel ${initErr1.toExponential(2)}), distinct ${h0.meanCross.toFixed(4)} vs ${r.expected0.cross.toFixed(4)} (rel ${initErr2.toExponential(2)})`,
        g1Final: +last.g1.toFixed(4), g2Final: +last.g2.toFixed(4),
        paperPeaks: '(g1, g2) ≈ (4.5, 1.1)', infiniteWidthPeaks: `(${APPG_G1_INF.toFixed(3)}, ${APPG_G2_INF.toFixed(3)})`,
        g1MaxRelDrift: +d1.toFixed(5), g2MaxRelDrift: +d2.toFixed(5),
        offDiagonalMax: +Math.max(...r.history.map((h) => h.offDiagonal)).toFixed(4),
        meanDistInitial: +h0.meanDist.toFixed(4), meanDistFinal: +last.meanDist.toFixed(4), modesCoveredFinal: last.modesCovered,
        converged, ...(smoke ? { trains } : {}),
        ...(holds ? {} : { reason: smoke ? `pipeline: trains ${trains} (mean distance ${h0.meanDist.toFixed(3)} → ${last.meanDist.toFixed(3)}, ${last.modesCovered} modes), initial kernel within ${INIT_RTOL}: ${initErr1 <= INIT_RTOL && initErr2 <= INIT_RTOL}, drift ${d1.toFixed(3)}/${d2.toFixed(3)} < ${SMOKE_DRIFT_MAX}` : `converged ${converged}, drift ${d1.toFixed(4)}/${d2.toFixed(4)} (need < ${FROZEN_RTOL})` }),
        ...(r.divergedAt !== undefined ? { divergedAt: r.divergedAt } : {}),
        tolerances: smoke ? `initial means vs expectation ${INIT_RTOL}, drift < ${SMOKE_DRIFT_MAX}, converged mean distance ≤ ${CONVERGED_DIST}` : `drift < ${FROZEN_RTOL}, converged mean distance ≤ ${CONVERGED_DIST}`,
        stepsPerSecond: +r.stepsPerSecond.toFixed(2),
      },
      figures: [
        lineFigure('ntk-peaks', 'NTK peaks during training (001 Fig. 20; paper g₁ ≈ 4.5, g₂ ≈ 1.1)',
          r.history.flatMap((h) => [{ step: h.step, peak: 'g1', value: h.g1 }, { step: h.step, peak: 'g2', value: h.g2 }]), 'step', 'value', 'peak'),
        lineFigure('mean-distance', 'Mean distance of the 200 outputs to the nearest mode', r.history.map((h) => ({ step: h.step, series: 'outputs', meanDist: h.meanDist })), 'step', 'meanDist', 'series'),
        {
          name: 'outputs', title: 'Generator outputs at the start and end of training (001 Fig. 20 top)',
          spec: {
            $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
            data: { values: [...r.outputs0.map((o) => ({ x: o[0], y: o[1], when: 'initial' })), ...r.outputsT.map((o) => ({ x: o[0], y: o[1], when: 'final' }))] },
            mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: { field: 'when', type: 'nominal' } },
          },
        },
      ],
    };
  };
}

const statement = 'An example is shown in Fig. 20, where despite the convergence of a large-width generator\'s outputs to the target distribution, its NTK values remain nearly constant. … The two peaks hardly vary, and correspond to the values of g_2 (at ≈ 1.1) and g_1 (≈ 4.5) used in Eq. 20.';

export const effAppgFrozen: Claim = experiment({
  id: APPG_GPU.id,
  source: { paper: '001_cb8436cba21c199a.txt', where: 'App. G, Fig. 20' },
  statement,
  checks: `Width-2¹⁶ ReLU generator trained (RMSProp lr 1e-3) on 200 fixed seeds toward 8 Gaussians (TensorFlow.js on a GPU): the outputs converge (mean distance to nearest mode ≤ ${CONVERGED_DIST}, all 8 modes hit) while both NTK peaks move by less than ${FROZEN_RTOL * 100} % of their initial values.`,
  tier: 'gpu', kind: 'reproduction', expect: 'holds',
  run: makeAppGRun(APPG_GPU),
});

export const effAppgFrozenSmoke: Claim = experiment({
  id: APPG_SMOKE.id,
  source: { paper: '001_cb8436cba21c199a.txt', where: 'App. G, Fig. 20 (CPU smoke version of eff.appg-frozen)' },
  statement,
  checks: `Tests the pipeline, not the paper's claim: width 2¹⁰ (not 2¹⁶), 200 steps on wasm: initial mean NTK entries (same seed, distinct seeds) within ${INIT_RTOL * 100} % of their exact expectation given the drawn weights, the mean distance to the nearest mode falls ≥ ${SMOKE_SHRINK}× with all 8 modes held, peak drift finite and reported (< ${SMOKE_DRIFT_MAX * 100} % sanity bound).`,
  tier: 'fast', kind: 'reproduction', expect: 'holds',
  run: makeAppGRun(APPG_SMOKE),
});
