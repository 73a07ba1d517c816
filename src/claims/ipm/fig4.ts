/**
 * 002 §8, Fig. 4: one true and one generated point at distance 10; discriminators of width
 * σ ∈ {0.1, 1, 10} and the concatenation of all three (eq. 27–28, the kernel K₁ + K₂ + K₃).
 *
 * Paper's regime (§7 and §8): λ = 0.01, η_d = η_g = 10⁻³, 40 000 steps, masses 1. The figure names
 * the RBF; §7 approximates it by random Fourier features without giving their number. The exact
 * RBF has no feature noise, so ipm.fig4 runs it exactly (LineRbf: the two points and every bump
 * lie on one line, so the dynamics are one-dimensional and integrated without approximation) and
 * deterministically (no seeds). ipm.fig4.rff runs the random-feature version with the number of
 * features m piloted over {64, 256, 1024, 4096}.
 *
 * Finding: "σ = 1 … converge[s] slowly" cannot happen with the RBF: at distance 10 = 10σ the pull of
 * the true point is r/σ²·e^{−r²/2σ²} = 10·e^{−50} ≈ 2·10⁻²¹, and the generated point's own bumps
 * exert no force at its centre, so in 40 000 steps it moves ≈ 10⁻¹⁷. Only a random-feature
 * approximation moves it, through feature noise. σ = 10 approaches with an oscillation (it first
 * reaches 0.1 at step 17 764, overshoots to −3.8); the concatenated kernel reaches 0.1 at step
 * 5 977 and stays. So the statement is refuted as printed (ipm.fig4) and holds in the reading
 * ipm.fig4.corrected: widths ≤ a tenth of the distance stay put, σ = 10 approaches slowly and
 * oscillates, the concatenated kernel converges first and stays.
 */
import { FIGURE_BUILTIN_NOTE } from './systems.ts';
import { experiment, type ExperimentOutcome } from '../claim.ts';
import { LineRbf } from '../../systems/isolated-points/index.ts';

export const FIG4 = { lambda: 0.01, eta: 1e-3, steps: 40_000, start: 10, eps: 0.1, traceEvery: 200 };
/**
 * The fast reduced reading: the paper's step over the first quarter of the run (time 10). A larger
 * step over the full horizon is not the same dynamics: at η = 5·10⁻³, η/σ² = 0.5 for the σ = 0.1
 * component and the concatenated kernel no longer stays within 0.1 (0.44 at the end).
 */
export const FIG4_REDUCED = { ...FIG4, steps: 10_000, traceEvery: 50 };
/** "Does not move": total displacement below this (the exact pull of σ = 1 moves it ≈ 1e-17). */
const STILL = 1e-9;
const KERNELS: Record<string, number[]> = { 'σ = 0.1': [0.1], 'σ = 1': [1], 'σ = 10': [10], 'concatenated': [0.1, 1, 10] };

export interface Fig4Run { kernel: string; firstWithin: number; staysFrom: number; maxDisplacement: number; finalDistance: number; minDistance: number; distanceAt: number[] }

/** Runs the four kernels exactly; `firstWithin`: first step with |x̃| < ε (−1: never); `staysFrom`: the step after which it stays within ε (−1: not at the end). */
export function runFig4Exact(p: typeof FIG4, progress?: (m: string) => void) {
  const runs: Fig4Run[] = [];
  const curves: { kernel: string; step: number; distance: number }[] = [];
  for (const [kernel, widths] of Object.entries(KERNELS)) {
    const sim = new LineRbf({ widths, lambda: p.lambda, etaD: p.eta, etaG: p.eta, start: p.start });
    let first = -1, lastOut = 0, maxDisp = 0, minD = Infinity;
    const distanceAt = [p.start];
    for (let k = 1; k <= p.steps; k++) {
      sim.step();
      const r = Math.abs(sim.x);
      distanceAt.push(r);
      if (first < 0 && r < p.eps) first = k;
      if (r >= p.eps) lastOut = k;
      maxDisp = Math.max(maxDisp, Math.abs(sim.x - p.start));
      minD = Math.min(minD, r);
      if (k % p.traceEvery === 0) curves.push({ kernel, step: k, distance: Math.max(r, 1e-6) });
    }
    runs.push({ kernel, firstWithin: first, staysFrom: lastOut < p.steps ? lastOut + 1 : -1, maxDisplacement: maxDisp, finalDistance: Math.abs(sim.x), minDistance: minD, distanceAt });
    progress?.(`${kernel}: first within ${p.eps} at ${first}`);
  }
  return { runs, curves };
}

function figure(curves: { kernel: string; step: number; distance: number }[], title: string) {
  return {
    name: 'distance', title, spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json', width: 420, height: 260, data: { values: curves }, mark: 'line',
      encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'distance', type: 'quantitative', scale: { type: 'log' }, title: 'distance to the true point' }, color: { field: 'kernel', type: 'nominal' }, strokeDash: { field: 'kernel', type: 'nominal' } },
    },
  };
}

const SOURCE = { paper: '002_dc3675b0aaa76cd0.txt', where: '§8, Fig. 4' };
const STATEMENT = 'As expected, the very low width kernel (σ = 0.1) fails to converge while the wide width kernels (σ = 1, 10) converge slowly. In contrast, the concatenated kernel is able to get fast convergence in both the initial and later stages.';

function judge(p: typeof FIG4, reading: 'printed' | 'corrected', progress?: (m: string) => void, wideWithin = true): ExperimentOutcome {
  const { runs, curves } = runFig4Exact(p, progress);
  const by = Object.fromEntries(runs.map((r) => [r.kernel, r])) as Record<string, Fig4Run>;
  const multi = by['concatenated']!;
  const before = (a: number, b: number) => a >= 0 && (b < 0 || a < b);
  const criteria: Record<string, boolean> = reading === 'printed'
    ? {
      'σ = 0.1 never within ε': by['σ = 0.1']!.firstWithin < 0,
      'σ = 1 converges (within ε), after the concatenated kernel': by['σ = 1']!.firstWithin >= 0 && before(multi.firstWithin, by['σ = 1']!.firstWithin),
      'σ = 10 converges (within ε), after the concatenated kernel': by['σ = 10']!.firstWithin >= 0 && before(multi.firstWithin, by['σ = 10']!.firstWithin),
      'the concatenated kernel is within ε first and stays': multi.staysFrom >= 0 && ['σ = 0.1', 'σ = 1', 'σ = 10'].every((k) => before(multi.firstWithin, by[k]!.firstWithin)),
    }
    : {
      'σ = 0.1 and σ = 1 (≤ a tenth of the distance) do not move': by['σ = 0.1']!.maxDisplacement < STILL && by['σ = 1']!.maxDisplacement < STILL,
      'σ = 10 approaches slowly: closer than at the start, still farther than ε when the concatenated kernel gets within it': multi.firstWithin >= 0 && by['σ = 10']!.finalDistance < p.start && by['σ = 10']!.distanceAt[multi.firstWithin]! >= p.eps,
      ...(wideWithin ? { 'σ = 10 gets within ε (after the concatenated kernel)': by['σ = 10']!.firstWithin >= 0 && before(multi.firstWithin, by['σ = 10']!.firstWithin) } : {}),
      'the concatenated kernel is within ε first and stays to the end': multi.staysFrom >= 0,
    };
  const failed = Object.entries(criteria).filter(([, ok]) => !ok).map(([k]) => k);
  return {
    holds: failed.length === 0,
    numRuns: runs.length,
    evidence: {
      setup: { ...p, kernel: 'exact RBF (sum over widths for the concatenated kernel), integrated on the line through the two points' },
      ...(failed.length ? { reason: `not met: ${failed.join('; ')} (σ = 1 moved at most ${by['σ = 1']!.maxDisplacement.toExponential(1)})` } : {}),
      criteria, runs: runs.map(({ distanceAt: _d, ...r }) => r),
      paper: 'Fig. 4: σ = 0.1 fails, σ = 1 and 10 converge slowly, concatenated fast (curves only; no numbers given)',
    },
    figures: [figure(curves, `Fig. 4 (exact RBF, η = ${p.eta}, ${p.steps} steps): distance to the true point`)],
  };
}

export const ipmFig4 = experiment({
  id: 'ipm.fig4', source: SOURCE, statement: STATEMENT,
  checks: `Exact RBF in the paper's regime (λ = ${FIG4.lambda}, η_d = η_g = ${FIG4.eta}, ${FIG4.steps} steps, start distance ${FIG4.start}; deterministic): σ = 0.1 never gets within ${FIG4.eps}; σ = 1 and σ = 10 do, later than the concatenated kernel; the concatenated kernel gets within ${FIG4.eps} first and stays.`,
  tier: 'slow', kind: 'reproduction', expect: 'refuted',
  notes: 'Refuted as printed in the paper\'s regime with the exact RBF (2026-12-04): σ = 1 cannot move from distance 10 = 10σ (pull 10·e^{−50} ≈ 2e-21; displacement ≈ 1e-17 in 40 000 steps). σ = 0.1 fails, σ = 10 first reaches 0.1 at step 17 764 and oscillates (−3.8 at 30 000), the concatenated kernel reaches 0.1 at 5 977 and stays. Until 2026-12-04 this claim ran random features (m = 64) at η = 10⁻², outside the paper\'s regime, where feature noise swamped everything; that version is now ipm.fig4.rff with m piloted. See ipm.fig4.corrected.' + ' ' + FIGURE_BUILTIN_NOTE,
  exercises: ['isolated-points'],
  run: (ctx) => judge(FIG4, 'printed', ctx.progress),
});

export const ipmFig4Corrected = experiment({
  id: 'ipm.fig4.corrected', source: SOURCE, statement: STATEMENT,
  checks: `Exact RBF, paper's regime (as ipm.fig4): σ = 0.1 and σ = 1 (widths ≤ a tenth of the distance) move less than ${STILL}; σ = 10 gets closer, is farther than ${FIG4.eps} when the concatenated kernel gets within it, and gets within it later; the concatenated kernel stays within ${FIG4.eps} to the end.`,
  tier: 'slow', kind: 'reproduction', expect: 'holds',
  notes: 'The reading that holds with the exact RBF: widths much smaller than the distance leave the point isolated (Theorem 3\'s regime: no force at all), the wide kernel approaches slowly with an oscillation, the concatenated kernel converges first and stays.' + ' ' + FIGURE_BUILTIN_NOTE,
  exercises: ['isolated-points'],
  run: (ctx) => judge(FIG4, 'corrected', ctx.progress),
});

export const ipmFig4CorrectedReduced = experiment({
  id: 'ipm.fig4.corrected.reduced', source: SOURCE, statement: STATEMENT,
  checks: `As ipm.fig4.corrected over the first ${FIG4_REDUCED.steps} steps at the paper's η = ${FIG4_REDUCED.eta} (fast tier): σ = 0.1 and 1 do not move; σ = 10 gets closer but is farther than ${FIG4.eps} when the concatenated kernel is within it; the concatenated kernel gets within ${FIG4.eps} and stays to the end.`,
  tier: 'fast', kind: 'reproduction', expect: 'holds',
  notes: FIGURE_BUILTIN_NOTE,
  exercises: ['isolated-points'],
  run: (ctx) => judge(FIG4_REDUCED, 'corrected', ctx.progress, false),
});
