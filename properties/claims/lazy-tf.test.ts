/**
 * Loading the registry must not load TensorFlow.js: every `gan-claims` command and every worker
 * imports the registry, and TensorFlow.js costs seconds to import (src/claims/tf/load-tf.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const probe = (what: string) => `(async () => { await import(${JSON.stringify(what)}); console.log('_tfGlobals' in globalThis); })()`;

test('importing the registry leaves TensorFlow.js unloaded; importing src/tf loads it (the probe works)', () => {
  const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', '-e', probe(path.join(root, file))], { cwd: root, encoding: 'utf8' }).stdout.trim();
  expect(run('src/claims/registry.ts')).toBe('false');
  expect(run('src/tf/tf.ts')).toBe('true');
}, 60_000);
