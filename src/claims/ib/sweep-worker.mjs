// Worker-thread entry (plain ESM) for the ib.* training sweeps.
import { loadModule } from '../../runner/load-module.mjs';

const { runCell } = await loadModule(import.meta.url, 'gan-sweep');
export default function run({ setting, lrLog10, seed, p }) {
  return runCell(setting, lrLog10, seed, p).cell;
}
