// Worker-thread entry (plain ESM) for runMany's pool.
import { loadModule } from './load-module.mjs';

const { default: run } = await loadModule(import.meta.url, 'worker');
export default run;
