/**
 * The package from its tarball, as a new user gets it: `npm pack`, extracted into an empty project
 * beside this checkout's dependencies, imported by plain `node` (no tsx, no TypeScript loader).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

test('the packed package imports on plain node and runs a claim, in this thread and in worker threads', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--silent', '--pack-destination', tmp], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const tgz = path.join(tmp, out[out.length - 1]!);
  const proj = path.join(tmp, 'user');
  const pkg = path.join(proj, 'node_modules/gan-claims');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', pkg, '--strip-components=1']);
  // Dependencies from this checkout (the registry is not reachable from every test machine).
  for (const d of readdirSync(path.join(root, 'node_modules'))) {
    if (d === '.bin' || d === 'gan-claims') continue;
    symlinkSync(path.join(root, 'node_modules', d), path.join(proj, 'node_modules', d));
  }
  writeFileSync(path.join(proj, 'package.json'), JSON.stringify({ name: 'user', type: 'module', private: true }));
  writeFileSync(path.join(proj, 'check.mjs'), `
    import { registry, runClaim, runMany } from 'gan-claims';
    const claim = registry.find((c) => c.id === 'dirac.eigs');
    const r = await runClaim(claim, { globalSeed: 1, runs: 20 });
    const many = await runMany(['dirac.eigs', 'dirac.regimes'].map((id) => ({ id, globalSeed: 1, runs: 10, claimFiles: [], implSpecs: [], options: {}, cwd: process.cwd() })), { workers: 2 });
    console.log(JSON.stringify({ n: registry.length, status: r.status, many: many.map((x) => x.status) }));
    process.exit(0);
  `);
  const r = spawnSync(process.execPath, ['check.mjs'], { cwd: proj, encoding: 'utf8' });
  expect(r.stderr, r.stderr).not.toMatch(/Error/);
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as { n: number; status: string; many: string[] };
  expect(j.n).toBeGreaterThan(90);
  expect(j.status).toBe('holds');
  expect(j.many).toEqual(['holds', 'holds']);

  // gan-claims/vitest in the user's own suite: a correct implementation passes, a planted bug
  // fails the user's `vitest run` with the counterexample and a replay naming the user's file.
  const impl = (sign: string) => `export default {
    regularizedField: (beta) => (x, out) => { out[0] = x[1]; out[1] = -x[0] ${sign} beta * x[1]; },
    ganField: (loss, gamma) => (x, out) => { const f = loss === 'wgan' ? 1 : 1 / (1 + Math.exp(x[0] * x[1])); out[0] = -x[1] * f; out[1] = x[0] * f - gamma * x[1]; },
  };`;
  writeFileSync(path.join(proj, 'good.mjs'), impl('-'));
  writeFileSync(path.join(proj, 'bad.mjs'), impl('+'));
  for (const which of ['good', 'bad']) {
    writeFileSync(path.join(proj, `${which}.test.mjs`), `
      import { describeClaims } from 'gan-claims/vitest';
      import impl from './${which}.mjs';
      describeClaims('dirac.eigs', { runs: 20, impls: { 'dirac-gan': impl }, implFiles: { 'dirac-gan': '${which}.mjs' } });
    `);
  }
  const vitest = (file: string) => spawnSync(process.execPath, [path.join(proj, 'node_modules/vitest/vitest.mjs'), 'run', file], { cwd: proj, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const good = vitest('good.test.mjs');
  expect(good.status, good.stdout + good.stderr).toBe(0);
  const bad = vitest('bad.test.mjs');
  expect(bad.status).toBe(1);
  expect(bad.stdout + bad.stderr).toMatch(/dirac\.eigs: expected holds, got refuted/);
  expect(bad.stdout + bad.stderr).toContain('--impl dirac-gan=bad.mjs');
}, 240_000);
