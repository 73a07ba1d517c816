/**
 * Runs many claims: in worker threads (tinypool) when more than one worker is asked for, in this
 * thread otherwise. Claims share no mutable state: each task carries everything it needs, and each
 * claim's seed derives from the global seed and its id, so results do not depend on scheduling.
 *
 * A claim with units (src/claims/units.ts) is spread over the pool unit by unit and reduced here
 * once all its units are in. A task naming a subset of units (a shard's share) is not reduced: its
 * unit results are returned for `gan-claims merge` to join with the other shards'.
 */
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { executeTask, executeUnit, reduceTask, resolveTaskClaim } from './execute-task.ts';
import { listUnits, type UnitResult } from './run-claim.ts';
import { unitLabel } from '../claims/units.ts';
import type { ClaimResult } from './result.ts';
import type { ExperimentClaim } from '../claims/claim.ts';
import type { ClaimTask } from './task.ts';

export interface RunManyOptions {
  workers: number;
  onStart?: (id: string) => void;
  onProgress?: (id: string, message: string) => void;
  onResult?: (r: ClaimResult) => void;
  /** Each unit result as it arrives (a resumable run records it). */
  onUnit?: (u: UnitResult) => void;
  /** Unit results already computed (a resumed run, or other shards): not run again. */
  doneUnits?: readonly UnitResult[];
  /**
   * Estimated ms of a claim or of one of its units (recorded durations): jobs start longest first,
   * which is the schedule `gan-claims plan` predicts. Without it, jobs start in task order.
   */
  estimate?: (id: string, unit?: { label: string; count: number }) => number | undefined;
}

export interface WorkOutcome {
  /** By task index; undefined for a task that computed only some of its claim's units. */
  results: (ClaimResult | undefined)[];
  /** By task index: the unit results this run computed or was given (empty for claims without units). */
  units: UnitResult[][];
}

interface Job {
  k: number;
  unit?: number;
  estimate?: number;
}

const unitKey = (id: string, globalSeed: number, index: number) => `${id}\0${globalSeed}\0${index}`;

/** Known estimates longest first, then the unknown ones in their order (stable). */
export function orderLongestFirst<T extends { estimate?: number }>(jobs: T[]): T[] {
  const keyed = jobs.map((j, k) => ({ j, k }));
  keyed.sort((a, b) => (b.j.estimate ?? -1) - (a.j.estimate ?? -1) || a.k - b.k);
  keyed.forEach(({ j }, k) => { jobs[k] = j; });
  return jobs;
}

export async function runWork(tasks: readonly ClaimTask[], opts: RunManyOptions): Promise<WorkOutcome> {
  const results: (ClaimResult | undefined)[] = new Array(tasks.length).fill(undefined);
  const units: UnitResult[][] = tasks.map(() => []);
  const given = new Map((opts.doneUnits ?? []).map((u) => [unitKey(u.id, u.globalSeed, u.index), u]));
  const counts: (number | undefined)[] = [];
  const jobs: Job[] = [];
  const reductions: Promise<void>[] = [];
  for (let k = 0; k < tasks.length; k++) {
    const task = tasks[k]!;
    const { claim } = await resolveTaskClaim(task);
    const list = claim.type === 'experiment' && claim.units ? listUnits(claim, task) : undefined;
    const n = list?.length;
    counts[k] = n;
    if (n === undefined) {
      if (task.units) throw new TypeError(`${task.id} has no units, but the task names units ${task.units.join(', ')}`);
      jobs.push({ k, estimate: opts.estimate?.(task.id) });
      continue;
    }
    const wanted = task.units ?? Array.from({ length: n }, (_, i) => i);
    for (const i of wanted) {
      if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`${task.id}: unit ${i} of ${n}`);
      const prior = given.get(unitKey(task.id, task.globalSeed, i));
      if (prior) units[k]!.push(prior);
      else jobs.push({ k, unit: i, estimate: opts.estimate?.(task.id, { label: unitLabel((claim as ExperimentClaim).units!, list![i], i), count: n }) });
    }
  }
  if (opts.estimate) orderLongestFirst(jobs);
  const started = new Set<number>();
  const start = (k: number) => {
    if (started.has(k)) return;
    started.add(k);
    opts.onStart?.(tasks[k]!.id);
  };
  const done = (k: number, r: ClaimResult) => {
    results[k] = r;
    opts.onResult?.(r);
  };
  const maybeReduce = (k: number) => {
    const task = tasks[k]!;
    if (task.units || units[k]!.length !== counts[k]) return;
    start(k);
    const sorted = [...units[k]!].sort((a, b) => a.index - b.index);
    units[k] = sorted;
    reductions.push(reduceTask(task, sorted).then((r) => done(k, r)));
  };
  const finish = (job: Job, out: ClaimResult | UnitResult) => {
    if (job.unit === undefined) return done(job.k, out as ClaimResult);
    units[job.k]!.push(out as UnitResult);
    opts.onUnit?.(out as UnitResult);
    maybeReduce(job.k);
  };
  // Claims whose every unit was given (a resume after the last unit, a merge) reduce straight away.
  for (let k = 0; k < tasks.length; k++) if (counts[k] !== undefined && !jobs.some((j) => j.k === k)) maybeReduce(k);

  if (opts.workers <= 1 || jobs.length <= 1) {
    for (const job of jobs) {
      start(job.k);
      const task = tasks[job.k]!;
      finish(job, job.unit === undefined ? await executeTask(task, opts.onProgress) : await executeUnit(task, job.unit, opts.onProgress));
      await Promise.all(reductions);
    }
  } else {
    const pool = new Tinypool({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: 1,
      maxThreads: Math.min(opts.workers, jobs.length),
      isolateWorkers: false,
    });
    try {
      await Promise.all(jobs.map(async (job) => {
        const { port1, port2 } = new MessageChannel();
        port1.on('message', (m: { id: string; message: string }) => opts.onProgress?.(m.id, m.message));
        start(job.k);
        try {
          finish(job, (await pool.run({ task: tasks[job.k]!, unit: job.unit, port: port2 }, { transferList: [port2] })) as ClaimResult | UnitResult);
        } finally {
          port1.close();
        }
      }));
    } finally {
      await pool.destroy();
    }
  }
  await Promise.all(reductions);
  return { results, units };
}

/** Runs every task to its claim's result (each claim whole: all its units). */
export async function runMany(tasks: readonly ClaimTask[], opts: RunManyOptions): Promise<ClaimResult[]> {
  const partial = tasks.find((t) => t.units);
  if (partial) throw new TypeError(`runMany: task ${partial.id} names a subset of units; use runWork`);
  // Report order is the task order (registry order), whatever order they finished in.
  return (await runWork(tasks, opts)).results as ClaimResult[];
}
