/**
 * Runs Fig. 2/3 tasks inline (workers ≤ 1) or on a tinypool of worker threads. Each task is one
 * (d, σ, trial range) batch; results are identical either way (per-trial seeds).
 */
import Tinypool from 'tinypool';
import { runFig3Task, type Fig3Task, type Fig3TrialResult } from './fig3-sim.ts';

export async function runFig3Tasks(tasks: Fig3Task[], workers: number, progress?: (msg: string) => void): Promise<Fig3TrialResult[]> {
  const out: Fig3TrialResult[][] = [];
  let done = 0;
  if (workers <= 1) {
    for (const t of tasks) {
      out.push(runFig3Task(t));
      progress?.(`${++done}/${tasks.length} batches`);
    }
    return out.flat();
  }
  const pool = new Tinypool({ filename: new URL('./fig3-worker.mjs', import.meta.url).href, minThreads: workers, maxThreads: workers, isolateWorkers: false });
  try {
    const results = await Promise.all(tasks.map(async (t) => {
      const r = (await pool.run(t)) as Fig3TrialResult[];
      progress?.(`${++done}/${tasks.length} batches`);
      return r;
    }));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/** Split `trials` into `parts` contiguous ranges. */
export function splitTrials(trials: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  const k = Math.max(1, Math.min(parts, trials));
  for (let i = 0; i < k; i++) out.push([Math.floor((i * trials) / k), Math.floor(((i + 1) * trials) / k)]);
  return out;
}
