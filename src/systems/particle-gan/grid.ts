/**
 * Runs many Algorithm 1 cells (a phase-diagram grid, a β sweep, seeds) across worker threads
 * (node:worker_threads; each cell is independent and seeded, so results do not depend on the
 * thread count or order). threads = 1 runs in the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { runAlg1, type Alg1Config } from './alg1.ts';
import { summarise, type Alg1Summary } from './summary.ts';

export interface GridOptions {
  threads?: number;
  /** Iterations whose records are averaged (the paper averages 5000 ± n·20, n = 0…3). */
  keep?: number[];
  onDone?(done: number, total: number): void;
}

export function defaultThreads(): number {
  const env = Number(process.env.GAN_CLAIMS_THREADS);
  return Number.isInteger(env) && env > 0 ? env : Math.max(1, availableParallelism());
}

export async function runGrid(cells: Alg1Config[], opts: GridOptions = {}): Promise<Alg1Summary[]> {
  const threads = Math.min(opts.threads ?? defaultThreads(), cells.length);
  const keep = opts.keep ?? [];
  const out: Alg1Summary[] = new Array(cells.length);
  if (threads <= 1) {
    cells.forEach((cfg, i) => {
      out[i] = summarise(runAlg1(cfg), keep);
      opts.onDone?.(i + 1, cells.length);
    });
    return out;
  }
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./grid-worker.mjs', import.meta.url)));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= cells.length) return resolve();
        const id = next++;
        w.postMessage({ id, cfg: cells[id], keep });
      };
      w.on('message', (m: { id: number; summary?: Alg1Summary; error?: string }) => {
        if (m.error) return reject(new Error(`grid cell ${m.id}: ${m.error}`));
        out[m.id] = m.summary!;
        opts.onDone?.(++done, cells.length);
        feed();
      });
      w.on('error', reject);
      feed();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
