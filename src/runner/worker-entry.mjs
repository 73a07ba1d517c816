// Worker-thread entry (plain ESM): registers tsx in this thread, then loads the TypeScript worker.
// Passing `--import tsx` through execArgv is not reliable for worker threads on Node 20.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
