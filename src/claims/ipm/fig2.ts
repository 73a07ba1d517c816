/**
 * 002 §7, Fig. 2: trajectories of 4 generated points towards 4 true points on the unit circle for
 * several widths. The paper shows one example per width; we run TRIALS per width (setup of
 * fig3-sim.ts: paper's λ = 0.01, η = 10⁻³, 40 000 steps, m = 256 RFF) and count each behaviour:
 *   divergence (σ = 0.1):       some ‖x̃ⱼ‖ > 2 at the end;
 *   approximate mode collapse (σ = 0.6): two generated points end within COLLAPSE_R of the same true
 *                               point while some true point has none within COLLAPSE_R;
 *   oscillation ("very large" σ): the trajectory stays bounded (every ‖x̃ⱼ‖ ≤ 2 throughout) and the
 *                               W₂ distance to the true points reverses direction at least
 *                               MIN_REVERSALS times by more than REVERSAL_AMP (hysteresis).
 * "Very large" is unstated: it is piloted over LARGE_SIGMAS. The time horizon is η·40 000 = 40,
 * and the linearised oscillation about the true points slows as σ grows (restoring curvature
 * ∝ 1/σ²), so at σ = 10 less than one period fits (the points move ≈ 0.3 in the run): the
 * oscillation claim is decided at the large widths where it can show, and each width's row is
 * reported. (Until 2026-12-04 oscillation was "path ≥ 3 × net displacement" at σ = 10 only, which
 * also fires on points that wander off, and the claim was registered refuted at σ = 10.)
 * Holds when divergence is most frequent at σ = 0.1, collapse at 0.6, and at some σ in
 * LARGE_SIGMAS oscillation occurs and is more frequent than at 0.1 and 0.6; refuted when no large
 * width oscillates at all.
 */
import { FIGURE_BUILTIN_NOTE } from './systems.ts';
import { experiment } from '../claim.ts';
import { w2PointSets } from '../../metrics/w2.ts';
import { FIG3, type Fig3TrialResult } from './fig3-sim.ts';
import { runFig3Tasks, splitTrials } from './fig3-pool.ts';

/** "Very large" widths piloted (the paper shows one, unnamed). */
const LARGE_SIGMAS = [1.5, 2, 3, 5, 10];
const SIGMAS = [0.1, 0.6, ...LARGE_SIGMAS];
const TRIALS = 20;
/** Oscillation: at least this many reversals of the W₂ distance, each by more than REVERSAL_AMP. */
const MIN_REVERSALS = 3;
const REVERSAL_AMP = 0.05;
const TRACE_EVERY = 200;
/** "Converged to a true point": within this distance at the end. */
const COLLAPSE_R = 0.25;

function behaviours(r: Fig3TrialResult) {
  const n = 4;
  const d = 2;
  const T = r.trueX!;
  const last = r.trace![r.trace!.length - 1]!;
  const diverged = Array.from({ length: n }, (_, j) => Math.hypot(last[j * d]!, last[j * d + 1]!)).some((v) => v > FIG3.divergeRadius);
  const near = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.hypot(last[j * d]! - T[i * d]!, last[j * d + 1]! - T[i * d + 1]!) < COLLAPSE_R).filter(Boolean).length);
  const collapse = near.some((c) => c >= 2) && near.some((c) => c === 0);
  // Oscillation on bounded trajectories: reversals of the W₂ distance to the true points.
  const truePts = Array.from({ length: n }, (_, i) => Float64Array.of(T[i * d]!, T[i * d + 1]!));
  let bounded = true;
  const w: number[] = [];
  for (const pos of r.trace!) {
    const g = Array.from({ length: n }, (_, j) => Float64Array.of(pos[j * d]!, pos[j * d + 1]!));
    if (g.some((p) => Math.hypot(p[0]!, p[1]!) > FIG3.divergeRadius)) bounded = false;
    w.push(w2PointSets(g, truePts));
  }
  const reversals = countReversals(w, REVERSAL_AMP);
  return { diverged, collapse, oscillating: bounded && reversals >= MIN_REVERSALS, reversals, bounded };
}

/** Direction changes of a sequence, each by more than `amp` from the last extreme (hysteresis). */
export function countReversals(w: readonly number[], amp: number): number {
  if (w.length < 2) return 0;
  let count = 0, dir = 0, hi = w[0]!, lo = w[0]!;
  for (const v of w) {
    if (dir === 0) {
      if (v > lo + amp) { dir = 1; hi = v; } else if (v < hi - amp) { dir = -1; lo = v; } else { hi = Math.max(hi, v); lo = Math.min(lo, v); }
    } else if (dir > 0) {
      if (v > hi) hi = v; else if (v < hi - amp) { count++; dir = -1; lo = v; }
    } else if (v < lo) lo = v; else if (v > lo + amp) { count++; dir = 1; hi = v; }
  }
  return count;
}

export const ipmFig2 = experiment({
  id: 'ipm.fig2',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: '§7, Fig. 2' },
  statement: 'We see a diverging behavior at very small kernel widths … in the example at σ = 0.6, we see an approximate mode collapse where two generated points converge to a single true point. Finally, at very large kernel widths the discriminator is not able to properly distinguish between distributions, and as a result we see large oscillations.',
  checks: `d = 2, 4 true points on the unit circle, ${TRIALS} trials at each σ ∈ {${SIGMAS.join(', ')}}, paper's λ, η, 40 000 steps: divergence occurs at σ = 0.1 (most often there), approximate mode collapse (two points within ${COLLAPSE_R} of one true point, another true point empty) at σ = 0.6 (most often there), and oscillation (bounded trajectories, ≥ ${MIN_REVERSALS} reversals of the W₂ distance by > ${REVERSAL_AMP}) at some "very large" σ ∈ {${LARGE_SIGMAS.join(', ')}} (piloted), more often than at 0.1 and 0.6; each width's row is reported; trajectories drawn.`,
  tier: 'slow', kind: 'reproduction', expect: 'holds',
  notes: 'Holds in the paper\'s regime once "very large" is piloted (2026-12-04, default seed, 100 s; fixtures/reruns/2026-12-04/ipm.fig2/): divergence at σ = 0.1 in 11/20 trials (6 at 0.6, 0 above), approximate mode collapse at σ = 0.6 in 7/20 (3 at 0.1), oscillation of bounded trajectories (≥ 3 reversals of W₂) at σ = 1.5, 2, 3 in 14, 10, 10 of 20 trials, and in none at σ = 5 or 10, where less than one period fits in the 40 time units (the points move ≈ 0.3 at σ = 10). So the verdict depends on what "very large" means: it holds for σ ≤ 3 and is not shown at σ ≥ 5 in this run length. Until 2026-12-04 it was registered refuted at σ = 10 with a path-length test that also fired on wandering points. Figure in the report.' + ' ' + FIGURE_BUILTIN_NOTE,
  exercises: ['isolated-points'],
  run: async (ctx) => {
    const tasks = SIGMAS.flatMap((sigma, si) => splitTrials(TRIALS, 2).map(([a, b]) => ({ d: 2, sigma, sigmaIndex: 100 + si, trialStart: a, trialEnd: b, steps: FIG3.steps, seed: ctx.seed, m: FIG3.m, eta: FIG3.eta, traceEvery: TRACE_EVERY })));
    const rs = await runFig3Tasks(tasks, 2, ctx.progress);
    const per = SIGMAS.map((sigma) => {
      const g = rs.filter((r) => r.sigma === sigma).map((r) => ({ r, b: behaviours(r) }));
      return { sigma, g, diverged: g.filter((x) => x.b.diverged).length, collapse: g.filter((x) => x.b.collapse).length, oscillating: g.filter((x) => x.b.oscillating).length };
    });
    const s01 = per[0]!, s06 = per[1]!, large = per.slice(2);
    const div = s01.diverged > 0 && per.every((p) => p === s01 || s01.diverged > p.diverged);
    const col = s06.collapse > 0 && per.every((p) => s06.collapse >= p.collapse);
    const oscAt = large.filter((p) => p.oscillating > 0 && p.oscillating > s01.oscillating && p.oscillating > s06.oscillating);
    const osc = oscAt.length > 0;
    const anyOsc = large.some((p) => p.oscillating > 0);
    const best = [...large].sort((a, b) => b.oscillating - a.oscillating)[0]!;
    const pick = (p: typeof per[0], key: 'diverged' | 'collapse' | 'oscillating') => (p.g.find((x) => x.b[key]) ?? p.g[0]!).r;
    const shown = [pick(s01, 'diverged'), pick(s06, 'collapse'), pick(best, 'oscillating')];
    const rows = shown.flatMap((r) => r.trace!.flatMap((pos, k) => [0, 1, 2, 3].map((j) => ({ sigma: `σ = ${r.sigma}`, point: j, step: k * TRACE_EVERY, x: pos[j * 2]!, y: pos[j * 2 + 1]! }))));
    const truths = shown.flatMap((r) => [0, 1, 2, 3].map((i) => ({ sigma: `σ = ${r.sigma}`, x: r.trueX![i * 2]!, y: r.trueX![i * 2 + 1]! })));
    const verdict = div && col && osc ? 'holds' as const : !anyOsc || !div || !col ? 'refuted' as const : 'not-shown' as const;
    return {
      verdict,
      numRuns: rs.length,
      evidence: {
        setup: { sigmas: SIGMAS, largeSigmasPiloted: LARGE_SIGMAS, trials: TRIALS, steps: FIG3.steps, eta: FIG3.eta, lambda: FIG3.lambda, m: FIG3.m, collapseRadius: COLLAPSE_R, oscillation: `bounded (‖x̃‖ ≤ 2) and ≥ ${MIN_REVERSALS} reversals of W₂ by > ${REVERSAL_AMP}`, seed: ctx.seed },
        ...(verdict !== 'holds' ? { reason: `divergence most at σ = 0.1: ${div}; collapse most at σ = 0.6: ${col}; oscillation at a large width, more than at 0.1 and 0.6: ${osc} (${large.map((p) => `σ = ${p.sigma}: ${p.oscillating}/${p.g.length}`).join(', ')})` } : {}),
        counts: per.map((p) => ({ sigma: p.sigma, diverged: p.diverged, collapse: p.collapse, oscillating: p.oscillating, meanReversals: p.g.reduce((a, x) => a + x.b.reversals, 0) / p.g.length, of: p.g.length })),
        sensitivity: large.map((p) => ({ sigma: p.sigma, oscillating: p.oscillating, of: p.g.length, decides: p.oscillating > s01.oscillating && p.oscillating > s06.oscillating })),
        shownTrials: shown.map((r) => ({ sigma: r.sigma, trial: r.trial })),
        verdicts: { divergenceAtSmallSigma: div, collapseNear06: col, oscillationAtLargeSigma: osc, oscillatingWidths: oscAt.map((p) => p.sigma) },
        paper: 'Fig. 2: one example trajectory per width (qualitative)',
      },
      figures: [{
        name: 'trajectories', title: 'Fig. 2: generated-point trajectories (red), true points (green)', spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
          data: { values: [...rows.map((r) => ({ ...r, kind: 'generated' })), ...truths.map((t) => ({ ...t, kind: 'true', point: -1, step: 0 }))] },
          facet: { column: { field: 'sigma', type: 'nominal', title: null } },
          spec: {
            width: 220, height: 220,
            encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [-3, 3], clamp: true } }, y: { field: 'y', type: 'quantitative', scale: { domain: [-3, 3], clamp: true } } },
            layer: [
              { transform: [{ filter: "datum.kind === 'generated'" }], mark: { type: 'line', strokeWidth: 1, color: 'firebrick' }, encoding: { detail: { field: 'point', type: 'nominal' }, order: { field: 'step', type: 'quantitative' } } },
              { transform: [{ filter: "datum.kind === 'true'" }], mark: { type: 'point', filled: true, size: 80, color: 'green' } },
            ],
          },
        },
      }],
    };
  },
});
