// Bootstrap for the particle-grid worker threads.
import { loadModule } from '../../runner/load-module.mjs';

await loadModule(import.meta.url, 'grid-worker');
