// Worker-thread entry (plain ESM) for the ib.* training sweeps: registers tsx in this thread, then
// loads the TypeScript runner (same pattern as src/runner/worker-entry.mjs).
import { register } from 'tsx/esm/api';

register();
const { runCell } = await import('./gan-sweep.ts');
export default function run({ setting, lrLog10, seed, p }) {
  return runCell(setting, lrLog10, seed, p).cell;
}
