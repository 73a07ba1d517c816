#!/usr/bin/env node
// Loads the TypeScript sources through tsx (a dependency), so `npx gan-claims` works inside the
// repo and after `npm install gan-claims` elsewhere without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Flush stdout/stderr first (a pipe takes writes asynchronously: exiting at once would cut a long
// `--json` report at the pipe buffer), then exit explicitly: worker pools and backends (Dawn)
// can keep the event loop alive.
const flushed = (s) => new Promise((resolve) => s.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
