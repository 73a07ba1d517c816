#!/usr/bin/env node
// Loads the TypeScript sources through tsx (a dependency), so `npx gan-claims` works inside the
// repo and after `npm install gan-claims` elsewhere without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit explicitly: worker pools and backends (Dawn) can keep the event loop alive.
process.exit(code);
