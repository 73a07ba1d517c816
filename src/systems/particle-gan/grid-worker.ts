/** Worker thread body for runGrid: runs Algorithm 1 cells sent by the parent and posts summaries back. */
import { parentPort } from 'node:worker_threads';
import { runAlg1, type Alg1Config } from './alg1.ts';
import { summarise } from './summary.ts';

parentPort!.on('message', (msg: { id: number; cfg: Alg1Config; keep: number[] }) => {
  try {
    const res = runAlg1(msg.cfg);
    parentPort!.postMessage({ id: msg.id, summary: summarise(res, msg.keep) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: String((e as Error)?.stack ?? e) });
  }
});
