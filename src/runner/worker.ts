/** Tinypool worker: one claim (or one unit of a claim) per task; progress goes back over the task's MessagePort. */
import type { MessagePort } from 'node:worker_threads';
import { executeTask, executeUnit } from './execute-task.ts';
import type { ClaimTask } from './task.ts';

export default async function run({ task, unit, port }: { task: ClaimTask; unit?: number; port?: MessagePort }) {
  const onProgress = (id: string, message: string) => port?.postMessage({ id, message });
  try {
    return unit === undefined ? await executeTask(task, onProgress) : await executeUnit(task, unit, onProgress);
  } finally {
    port?.close();
  }
}
