/** Tinypool worker: one claim per task; progress messages go back over the task's MessagePort. */
import type { MessagePort } from 'node:worker_threads';
import { executeTask } from './execute-task.ts';
import type { ClaimTask } from './task.ts';

export default async function run({ task, port }: { task: ClaimTask; port?: MessagePort }) {
  try {
    return await executeTask(task, (id, message) => port?.postMessage({ id, message }));
  } finally {
    port?.close();
  }
}
