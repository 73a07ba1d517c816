// Worker-thread entry (plain ESM) for the Fig. 2/3 simulations: registers tsx in this thread, then
// loads the TypeScript task runner (same pattern as src/runner/worker-entry.mjs).
import { register } from 'tsx/esm/api';

register();
const { runFig3Task } = await import('./fig3-sim.ts');
export default function run(task) {
  return runFig3Task(task);
}
