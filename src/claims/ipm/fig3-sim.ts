/**
 * The §7 experiment behind Figs. 2–3 of 002, batched over trials (systems/isolated-points/rff-batch.ts).
 * Setup (paper's value, or ours where it is silent):
 *   true points  d = 2: Nr = 4 equally spaced on the unit circle (angles kπ/2; "uniformly on the
 *                unit circle"); d = 10: Nr = 10 uniform on the unit sphere, drawn per trial; pᵢ = 1/Nr.
 *   generated    Ng = Nr, x̃ⱼ ~ N(0, I/d) so E‖x̃‖² = 1, p̃ⱼ = 1/Ng.
 *   features     RBF of width σ by m = 256 random frequencies ω ~ N(0, I/σ²), paired cos/sin (ours:
 *                the paper does not give m), fresh per trial; θ⁰ = 0 (ours).
 *   steps        λ = 0.01, η_d = η_g = 10⁻³ (paper), simultaneous updates (eq. 4 + 9).
 *   metrics      diverged: ‖x̃ⱼ‖ > 2 at the end (paper); W₂ before/after by exact assignment
 *                (metrics/w2.ts; the paper used an approximate solver [7]); normalised change =
 *                W₂(after)/W₂(before) (ours: > 1 means further from the data than at the start).
 * Per-trial seeds derive from (seed, d, σ index, trial), so results do not depend on how trials are
 * split across worker threads.
 */
import { deriveSeed } from '../../random/seed.ts';
import { Rng } from '../../random/rng.ts';
import { RffBatch, rffMeanTrue } from '../../systems/isolated-points/index.ts';
import { w2PointSets } from '../../metrics/w2.ts';

export const FIG3 = { lambda: 0.01, eta: 1e-3, m: 256, steps: 40_000, trials: 100, divergeRadius: 2 };

export interface Fig3Task {
  d: number;
  sigma: number;
  sigmaIndex: number;
  trialStart: number;
  trialEnd: number;
  steps: number;
  seed: number;
  m: number;
  /** η_d = η_g (paper: 10⁻³). */
  eta: number;
  /** Record every generated point every `traceEvery` steps (0: none) — for Fig. 2 trajectories. */
  traceEvery?: number;
}

export interface Fig3TrialResult {
  d: number;
  sigma: number;
  trial: number;
  divergedFrac: number;
  w2Before: number;
  w2After: number;
  /** Step at which the state turned non-finite, −1 if never. */
  nonFiniteAt: number;
  trueX?: number[];
  trace?: number[][];
}

function truePoints(d: number, rng: Rng): Float64Array {
  if (d === 2) return Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1);
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) out.set(rng.unitVector(d), i * d);
  return out;
}

export function runFig3Task(task: Fig3Task): Fig3TrialResult[] {
  const { d, sigma, steps, m } = task;
  const n = d === 2 ? 4 : d;
  const B = task.trialEnd - task.trialStart;
  const omega = new Float64Array(B * m * d);
  const scale = new Float64Array(B * m).fill(1 / Math.sqrt(m));
  const meanTrue = new Float64Array(B * 2 * m);
  const x0 = new Float64Array(B * n * d);
  const trues: Float64Array[] = [];
  const p = new Float64Array(n).fill(1 / n);
  for (let b = 0; b < B; b++) {
    const rng = new Rng(deriveSeed(task.seed, `fig3/${d}/${task.sigmaIndex}/${task.trialStart + b}`));
    const tx = truePoints(d, rng);
    trues.push(tx);
    rng.normals(x0.subarray(b * n * d, (b + 1) * n * d), 0, 1 / Math.sqrt(d));
    rng.normals(omega.subarray(b * m * d, (b + 1) * m * d), 0, 1 / sigma);
    rffMeanTrue(omega.subarray(b * m * d, (b + 1) * m * d), scale.subarray(b * m, (b + 1) * m), d, tx, p, meanTrue.subarray(b * 2 * m, (b + 1) * 2 * m));
  }
  const sim = new RffBatch({ trials: B, d, m, n, omega, scale, meanTrue, x0, pTilde: p, lambda: FIG3.lambda, etaD: task.eta, etaG: task.eta });
  const traces: number[][][] = Array.from({ length: B }, () => []);
  const every = task.traceEvery ?? 0;
  if (every > 0) {
    for (let k = 0; k < steps; k += every) {
      for (let b = 0; b < B; b++) traces[b]!.push(Array.from(sim.x.subarray(b * n * d, (b + 1) * n * d)));
      sim.run(Math.min(every, steps - k));
    }
    for (let b = 0; b < B; b++) traces[b]!.push(Array.from(sim.x.subarray(b * n * d, (b + 1) * n * d)));
  } else {
    sim.run(steps);
  }
  const pts = (a: Float64Array, b: number) => Array.from({ length: n }, (_, j) => a.subarray((b * n + j) * d, (b * n + j + 1) * d));
  return trues.map((tx, b) => {
    const T = Array.from({ length: n }, (_, i) => tx.subarray(i * d, (i + 1) * d));
    const before = pts(x0, b);
    const after = pts(sim.x, b);
    const finite = sim.divergedAt[b]! < 0;
    let div = 0;
    for (const x of after) if (!finite || Math.hypot(...x) > FIG3.divergeRadius) div++;
    return {
      d, sigma, trial: task.trialStart + b, divergedFrac: div / n,
      w2Before: w2PointSets(T, before), w2After: finite ? w2PointSets(T, after) : Infinity,
      nonFiniteAt: sim.divergedAt[b]!,
      ...(every > 0 ? { trueX: Array.from(tx), trace: traces[b] } : {}),
    };
  });
}
