// Shared by the worker-thread entries: loads the sibling module `base` of the entry at `from`
// (its import.meta.url). In dist/ (the built package) the compiled .js sits beside the entry and
// loads on plain node; in src/ there is only the .ts, loaded through tsx, registered in this thread
// (workers do not inherit the parent's loader under vitest or plain node).
import { existsSync } from 'node:fs';

export async function loadModule(from, base) {
  const js = new URL(`./${base}.js`, from);
  if (existsSync(js)) return import(js.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`./${base}.ts`, from).href);
}
