/**
 * Shared machinery of the ib.* GAN experiments (000 §5.1): one training run per (setting, step
 * size, seed), the learning rate tuned per setting over a grid by the mean KL across seeds (as the
 * paper picks "the corresponding best learning rate"), and paired comparisons across settings at
 * their tuned rates (pairs share the seed index). KL: histogram plug-in KL(P_data ‖ P_gen) with
 * exact target bin probabilities (src/metrics/kl.ts); mode mixture: the fraction of generated
 * samples farther than 3σ from every mode centre.
 *
 * Training-length robustness: with `checkpoints`, every run is also evaluated at those earlier steps
 * (G snapshots of the same run, the same evaluation latents), so one sweep can re-tune the rate and
 * re-make a claim's decision at each training length (`tunedAt`) without training again.
 */
import { Rng } from '../../random/rng.ts';
import {
  deltaSlopeUpdate, generate, grid2d, mix3, mixtureKl, modeMixtureFraction, targetBinProbs, binningFor, trainGan,
  shallowNet, type GaussianMixtureNd, type GanRun, type ShallowNet,
} from '../../systems/shallow-relu-gan/index.ts';
import Tinypool from 'tinypool';
import type { ClaimContext, ExperimentClaim, ExperimentOutcome } from '../claim.ts';
import type { Units } from '../units.ts';
import { wilcoxonSignedRank, mean, median, pairedDirection, type Decision, type DirectionOptions } from '../../stats/index.ts';
import { defaultThreads } from '../../systems/particle-gan/grid.ts';

export type DatasetName = 'mix3' | 'grid';

export interface GanSetting {
  data: DatasetName;
  H: number;
  gamma: number;
  alpha: number;
  init?: 'he' | 'v-shape';
}

export interface SweepParams {
  /** log10 learning rates (the paper's grid is −6, −5.5, …, −3). */
  lrGrid: number[];
  seeds: number;
  steps: number;
  batch: number;
  /** Generated samples for KL and mode mixture. */
  evalN: number;
  /** Earlier steps (0 < step < steps, increasing) at which every run is also evaluated. */
  checkpoints?: number[];
}

/** Per-seed training seeds drawn from the claim's Rng (paired tests match runs by these seeds). */
export function drawSeeds(rng: { int(n: number): number }, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(2 ** 31 - 1));
}

export const PAPER_LR_GRID = [-6, -5.5, -5, -4.5, -4, -3.5, -3];

export interface CellMetrics {
  kl: number;
  modeMixture: number;
  /** Def. 2: mean_i ‖μ_i(t) − μ_i(0)‖ of G (NaN where the spline view is undefined). */
  deltaSlopeUpdate: number;
}

export interface Cell extends CellMetrics {
  setting: GanSetting;
  lrLog10: number;
  seed: number;
  diverged: boolean;
  /** The metrics at `SweepParams.checkpoints`, in order (after a divergence: the diverged values). */
  atCheckpoints: ({ step: number } & CellMetrics)[];
}

export interface Tuned {
  setting: GanSetting;
  bestLrLog10: number;
  meanKlByLr: { lrLog10: number; meanKl: number }[];
  /** Cells at the tuned rate, in seed order. */
  cells: Cell[];
  /** Every cell: by rate (lrGrid order), then seed. */
  grid: Cell[][];
}

const datasets: Record<DatasetName, () => GaussianMixtureNd> = { mix3, grid: grid2d };
const probCache = new Map<DatasetName, Float64Array>();

export function dataset(name: DatasetName): GaussianMixtureNd {
  return datasets[name]();
}

function checkCheckpoints(p: SweepParams): number[] {
  const cps = p.checkpoints ?? [];
  cps.forEach((c, i) => {
    if (!Number.isInteger(c) || c <= 0 || c >= p.steps || (i > 0 && c <= cps[i - 1]!)) {
      throw new RangeError(`SweepParams: checkpoints must be increasing integers in (0, steps = ${p.steps}), got ${JSON.stringify(cps)}`);
    }
  });
  return cps;
}

export function runCell(setting: GanSetting, lrLog10: number, seed: number, p: SweepParams): { cell: Cell; run: GanRun } {
  const data = dataset(setting.data);
  const checkpoints = checkCheckpoints(p);
  const run = trainGan({ data, H: setting.H, alpha: setting.alpha, init: setting.init ?? 'he', lr: 10 ** lrLog10, gamma: setting.gamma, batch: p.batch, steps: p.steps, seed, snapshotAt: checkpoints });
  if (!probCache.has(setting.data)) probCache.set(setting.data, targetBinProbs(data, binningFor(data)));
  const probs = probCache.get(setting.data);
  // The same evaluation latents at every checkpoint (common random numbers across training lengths).
  const evaluate = (G: ShallowNet): CellMetrics => {
    const X = generate(G, p.evalN, new Rng(seed ^ 0x2545f491));
    let ds = NaN;
    try { ds = deltaSlopeUpdate(run.G0, G); } catch { ds = NaN; }
    return { kl: mixtureKl(data, X, p.evalN, probs), modeMixture: modeMixtureFraction(data, X, p.evalN), deltaSlopeUpdate: ds };
  };
  const final = evaluate(run.G);
  const atCheckpoints = checkpoints.map((step) => {
    const snap = run.snapshots.find((s) => s.step === step);
    return { step, ...(snap ? evaluate(shallowNet(run.G.d, run.G.H, run.G.D, snap.theta)) : final) };
  });
  return { cell: { setting, lrLog10, seed, ...final, diverged: run.diverged, atCheckpoints }, run };
}

/** The learning rate with the lowest mean KL across seeds, and its cells. */
function pickBest(setting: GanSetting, p: SweepParams, byLr: Cell[][]): Tuned {
  const meanKlByLr = p.lrGrid.map((lrLog10, i) => ({ lrLog10, meanKl: mean(byLr[i]!.map((c) => c.kl)) }));
  let best = 0;
  for (let i = 1; i < meanKlByLr.length; i++) if (meanKlByLr[i]!.meanKl < meanKlByLr[best]!.meanKl) best = i;
  return { setting, bestLrLog10: meanKlByLr[best]!.lrLog10, meanKlByLr, cells: byLr[best]!, grid: byLr };
}

/**
 * The sweep as it stood at an earlier training length: every cell replaced by its metrics at
 * checkpoint `step` and the rate re-tuned there (step = p.steps returns `t`).
 */
export function tunedAt(t: Tuned, step: number, p: SweepParams): Tuned {
  if (step === p.steps) return t;
  const k = (p.checkpoints ?? []).indexOf(step);
  if (k < 0) throw new RangeError(`tunedAt: step ${step} is neither a checkpoint nor the final step`);
  const byLr = t.grid.map((row) => row.map((c) => {
    const { kl, modeMixture, deltaSlopeUpdate: ds } = c.atCheckpoints[k]!;
    return { ...c, kl, modeMixture, deltaSlopeUpdate: ds };
  }));
  return pickBest(t.setting, p, byLr);
}

/** The training lengths at which a sweep can be read: its checkpoints, then the final step. */
export function trainingLengths(p: SweepParams): number[] {
  return [...(p.checkpoints ?? []), p.steps];
}

/**
 * Tunes the learning rate of each setting (the rate with the lowest mean KL across seeds), every
 * (setting, rate, seed) run spread over a tinypool of worker threads (each run is seeded, so the
 * result does not depend on the thread count; threads = 1 runs inline).
 */
export async function tuneMany(settings: GanSetting[], seeds: number[], p: SweepParams, progress?: (m: string) => void, threads = defaultThreads()): Promise<Tuned[]> {
  const jobs = settings.flatMap((setting, si) => p.lrGrid.flatMap((lrLog10, li) => seeds.map((seed, ki) => ({ si, li, ki, setting, lrLog10, seed }))));
  const cells: Cell[][][] = settings.map(() => p.lrGrid.map(() => new Array<Cell>(seeds.length)));
  let done = 0;
  const report = () => { if (++done % 10 === 0 || done === jobs.length) progress?.(`${done}/${jobs.length} training runs`); };
  if (threads <= 1) {
    for (const j of jobs) { cells[j.si]![j.li]![j.ki] = runCell(j.setting, j.lrLog10, j.seed, p).cell; report(); }
  } else {
    const pool = new Tinypool({ filename: new URL('./sweep-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, isolateWorkers: false });
    try {
      // widest nets first so the pool does not end on one long run
      const order = [...jobs].sort((a, b) => b.setting.H - a.setting.H);
      await Promise.all(order.map(async (j) => {
        cells[j.si]![j.li]![j.ki] = (await pool.run({ setting: j.setting, lrLog10: j.lrLog10, seed: j.seed, p })) as Cell;
        report();
      }));
    } finally {
      await pool.destroy();
    }
  }
  return settings.map((setting, si) => pickBest(setting, p, cells[si]!));
}

/** One-sided paired Wilcoxon test that `worse` has larger values of `key` than `better` (pairs by seed index). */
export function pairedWorse(worse: Tuned, better: Tuned, key: 'kl' | 'modeMixture' | 'deltaSlopeUpdate') {
  const diffs = worse.cells.map((c, i) => c[key] - better.cells[i]![key]);
  const w = wilcoxonSignedRank(diffs, 'greater');
  return {
    test: 'one-sided Wilcoxon signed-rank (exact), pairs = seeds',
    pValue: w.pValue,
    rankBiserial: w.effect,
    meanDifference: mean(diffs),
    medianDifference: median(diffs),
    worseMean: mean(worse.cells.map((c) => c[key])),
    betterMean: mean(better.cells.map((c) => c[key])),
  };
}

/**
 * Three-outcome version of pairedWorse: the paper says `worse` has larger `key` than `better`
 * (pairs by seed index); Wilcoxon both ways at o.alpha (src/stats/direction.ts).
 */
export function pairedDecision(what: string, worse: Tuned, better: Tuned, key: 'kl' | 'modeMixture' | 'deltaSlopeUpdate', o: DirectionOptions): Decision {
  const diffs = worse.cells.map((c, i) => c[key] - better.cells[i]![key]);
  return pairedDirection(what, diffs, o);
}

export function summary(t: Tuned) {
  return {
    ...t.setting,
    bestLrLog10: t.bestLrLog10,
    meanKl: mean(t.cells.map((c) => c.kl)),
    meanModeMixture: mean(t.cells.map((c) => c.modeMixture)),
    meanDeltaSlopeUpdate: mean(t.cells.map((c) => c.deltaSlopeUpdate)),
    diverged: t.cells.filter((c) => c.diverged).length,
    klBySeed: t.cells.map((c) => c.kl),
  };
}

/**
 * Mean KL at the tuned rate (re-tuned per length) of each setting at each training length, and the
 * figure drawing it: whether a comparison's direction is stable in training time or still moving.
 */
export function klVsStepsFigure(tuned: Tuned[], p: SweepParams, label: (s: GanSetting) => string, group: (s: GanSetting) => string) {
  const values = trainingLengths(p).flatMap((steps) => tuned.map((t) => {
    const at = tunedAt(t, steps, p);
    return { steps, setting: label(t.setting), group: group(t.setting), meanKl: mean(at.cells.map((c) => c.kl)), bestLrLog10: at.bestLrLog10 };
  }));
  return {
    name: 'kl-vs-steps',
    title: 'Mean KL at the tuned learning rate (re-tuned at each length) vs training steps: is the comparison stable in training time?',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: { values },
      facet: { column: { field: 'group', type: 'nominal', title: null } },
      spec: {
        width: 240, height: 180, mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'steps', type: 'quantitative', scale: { type: 'log' } },
          y: { field: 'meanKl', type: 'quantitative', title: 'mean KL' },
          color: { field: 'setting', type: 'nominal', sort: null },
        },
      },
    },
  };
}

/** One training run of a sweep: block (a tuneMany call), setting, learning rate, seed. */
export interface SweepJob {
  block: number;
  si: number;
  li: number;
  ki: number;
  setting: GanSetting;
  lrLog10: number;
  seed: number;
}

/** Every run of the given sweeps (each block one tuneMany call), block-major as tuneMany orders them. */
export function sweepJobs(blocks: readonly GanSetting[][], seeds: readonly number[], p: SweepParams): SweepJob[] {
  return blocks.flatMap((settings, block) => settings.flatMap((setting, si) => p.lrGrid.flatMap((lrLog10, li) => seeds.map((seed, ki) => ({ block, si, li, ki, setting, lrLog10, seed })))));
}

/** The tuned sweeps from every run's cell (in sweepJobs order): what tuneMany would have returned, block by block. */
export function sweepFromCells(blocks: readonly GanSetting[][], seeds: readonly number[], p: SweepParams, cells: readonly Cell[]): Tuned[][] {
  const jobs = sweepJobs(blocks, seeds, p);
  if (cells.length !== jobs.length) throw new RangeError(`sweepFromCells: ${cells.length} cells for ${jobs.length} runs`);
  const grid: Cell[][][][] = blocks.map((settings) => settings.map(() => p.lrGrid.map(() => new Array<Cell>(seeds.length))));
  jobs.forEach((j, k) => { grid[j.block]![j.si]![j.li]![j.ki] = cells[k]!; });
  return blocks.map((settings, b) => settings.map((setting, si) => pickBest(setting, p, grid[b]![si]!)));
}

/**
 * How a sweep claim executes: `run` (each block through tuneMany's thread pool; the fast tier) or
 * `units` (one unit per training run, for the slow tier's workers and shards). Both draw the seeds
 * first from the claim's generator and hand `finish` the same Tuned blocks, bit for bit.
 */
export function sweepExecution(p: SweepParams, blocks: GanSetting[][], nSeeds: number, asUnits: boolean, finish: (tuned: Tuned[][], ctx: ClaimContext) => ExperimentOutcome): Pick<ExperimentClaim, 'run' | 'units'> {
  if (!asUnits) {
    return {
      run: async (ctx) => {
        const seeds = drawSeeds(ctx.rng, nSeeds);
        const tuned: Tuned[][] = [];
        for (const b of blocks) tuned.push(await tuneMany(b, seeds, p, ctx.progress));
        return finish(tuned, ctx);
      },
    };
  }
  const units: Units<SweepJob, Cell> = {
    list: ({ seed }) => sweepJobs(blocks, drawSeeds(new Rng(seed), nSeeds), p),
    label: (j) => `b${j.block}-H${j.setting.H}-a${j.setting.alpha}-g${j.setting.gamma}-lr${j.lrLog10}-s${j.ki}`,
    run: (j) => runCell(j.setting, j.lrLog10, j.seed, p).cell,
    reduce: (cells, ctx) => finish(sweepFromCells(blocks, drawSeeds(ctx.rng, nSeeds), p, cells), ctx),
  };
  return { units };
}
