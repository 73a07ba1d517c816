// Bootstrap for grid worker threads: registers tsx's ESM loader in this thread (workers do not
// inherit the parent's loader under vitest or plain node), then loads the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./grid-worker.ts');
