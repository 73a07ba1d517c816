/**
 * Runs many claims: in worker threads (tinypool) when more than one worker is asked for, in this
 * thread otherwise. Claims share no mutable state: each task carries everything it needs, and each
 * claim's seed derives from the global seed and its id, so results do not depend on scheduling.
 */
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { executeTask } from './execute-task.ts';
import type { ClaimResult } from './result.ts';
import type { ClaimTask } from './task.ts';

export interface RunManyOptions {
  workers: number;
  onStart?: (id: string) => void;
  onProgress?: (id: string, message: string) => void;
  onResult?: (r: ClaimResult) => void;
}

export async function runMany(tasks: readonly ClaimTask[], opts: RunManyOptions): Promise<ClaimResult[]> {
  // By task index: one claim may appear under several global seeds (run --seeds).
  const results: ClaimResult[] = new Array(tasks.length);
  const done = (k: number, r: ClaimResult) => {
    results[k] = r;
    opts.onResult?.(r);
  };
  if (opts.workers <= 1 || tasks.length <= 1) {
    for (let k = 0; k < tasks.length; k++) {
      opts.onStart?.(tasks[k]!.id);
      done(k, await executeTask(tasks[k]!, opts.onProgress));
    }
  } else {
    const pool = new Tinypool({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: 1,
      maxThreads: Math.min(opts.workers, tasks.length),
      isolateWorkers: false,
    });
    try {
      await Promise.all(tasks.map(async (task, k) => {
        const { port1, port2 } = new MessageChannel();
        port1.on('message', (m: { id: string; message: string }) => opts.onProgress?.(m.id, m.message));
        opts.onStart?.(task.id);
        try {
          done(k, (await pool.run({ task, port: port2 }, { transferList: [port2] })) as ClaimResult);
        } finally {
          port1.close();
        }
      }));
    } finally {
      await pool.destroy();
    }
  }
  // Report order is the task order (registry order), whatever order they finished in.
  return results;
}
