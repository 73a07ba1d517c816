// Worker-thread entry (plain ESM) for the Fig. 2/3 simulations.
import { loadModule } from '../../runner/load-module.mjs';

const { runFig3Task } = await loadModule(import.meta.url, 'fig3-sim');
export default function run(task) {
  return runFig3Task(task);
}
