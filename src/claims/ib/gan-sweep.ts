/**
 * Shared machinery of the ib.* GAN experiments (000 §5.1): one training run per (setting, step
 * size, seed), the learning rate tuned per setting over a grid by the mean KL across seeds (as the
 * paper picks "the corresponding best learning rate"), and paired comparisons across settings at
 * their tuned rates (pairs share the seed index). KL: histogram plug-in KL(P_data ‖ P_gen) with
 * exact target bin probabilities (src/metrics/kl.ts); mode mixture: the fraction of generated
 * samples farther than 3σ from every mode centre.
 */
import { Rng } from '../../random/rng.ts';
import {
  deltaSlopeUpdate, generate, grid2d, mix3, mixtureKl, modeMixtureFraction, targetBinProbs, binningFor, trainGan,
  type GaussianMixtureNd, type GanRun,
} from '../../systems/shallow-relu-gan/index.ts';
import Tinypool from 'tinypool';
import { wilcoxonSignedRank, mean, median } from '../../stats/index.ts';
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
}

/** Per-seed training seeds drawn from the claim's Rng (paired tests match runs by these seeds). */
export function drawSeeds(rng: { int(n: number): number }, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(2 ** 31 - 1));
}

export const PAPER_LR_GRID = [-6, -5.5, -5, -4.5, -4, -3.5, -3];

export interface Cell {
  setting: GanSetting;
  lrLog10: number;
  seed: number;
  kl: number;
  modeMixture: number;
  deltaSlopeUpdate: number;
  diverged: boolean;
}

export interface Tuned {
  setting: GanSetting;
  bestLrLog10: number;
  meanKlByLr: { lrLog10: number; meanKl: number }[];
  /** Cells at the tuned rate, in seed order. */
  cells: Cell[];
}

const datasets: Record<DatasetName, () => GaussianMixtureNd> = { mix3, grid: grid2d };
const probCache = new Map<DatasetName, Float64Array>();

export function dataset(name: DatasetName): GaussianMixtureNd {
  return datasets[name]();
}

export function runCell(setting: GanSetting, lrLog10: number, seed: number, p: SweepParams): { cell: Cell; run: GanRun } {
  const data = dataset(setting.data);
  const run = trainGan({ data, H: setting.H, alpha: setting.alpha, init: setting.init ?? 'he', lr: 10 ** lrLog10, gamma: setting.gamma, batch: p.batch, steps: p.steps, seed });
  const X = generate(run.G, p.evalN, new Rng(seed ^ 0x2545f491));
  if (!probCache.has(setting.data)) probCache.set(setting.data, targetBinProbs(data, binningFor(data)));
  const kl = mixtureKl(data, X, p.evalN, probCache.get(setting.data));
  let ds = NaN;
  try { ds = deltaSlopeUpdate(run.G0, run.G); } catch { ds = NaN; }
  return { cell: { setting, lrLog10, seed, kl, modeMixture: modeMixtureFraction(data, X, p.evalN), deltaSlopeUpdate: ds, diverged: run.diverged }, run };
}

/** The learning rate with the lowest mean KL across seeds, and its cells. */
function pickBest(setting: GanSetting, p: SweepParams, byLr: Cell[][]): Tuned {
  const meanKlByLr = p.lrGrid.map((lrLog10, i) => ({ lrLog10, meanKl: mean(byLr[i]!.map((c) => c.kl)) }));
  let best = 0;
  for (let i = 1; i < meanKlByLr.length; i++) if (meanKlByLr[i]!.meanKl < meanKlByLr[best]!.meanKl) best = i;
  return { setting, bestLrLog10: meanKlByLr[best]!.lrLog10, meanKlByLr, cells: byLr[best]! };
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
