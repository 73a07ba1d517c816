/** `gan-claims run --seeds` through the real bin: per-claim agreement, the reports, and exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { StabilityReport } from '../../src/runner/stability.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/gan-claims.mjs');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gan-claims run --seeds', () => {
  test('runs the claims under each seed and writes stability.json, stability.md and junit.xml', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
    const r = cli('run', 'dirac.eigs', 'dirac.regimes', '--seeds', '3', '--runs', '30', '--workers', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/dirac\.eigs\s+3\/3 as expected/);
    const j = JSON.parse(readFileSync(path.join(out, 'stability.json'), 'utf8')) as StabilityReport;
    expect(j.schema).toBe('gan-claims/stability');
    expect(j.seeds).toHaveLength(3);
    expect(j.summary).toMatchObject({ claims: 2, stable: 2, runs: 6, disagreements: 0 });
    expect(readFileSync(path.join(out, 'stability.md'), 'utf8')).toMatch(/2 of 2 claims gave their expected verdict on every seed/);
    expect(existsSync(path.join(out, 'junit.xml'))).toBe(true);
  }, 120_000);

  test('a claim that disagrees on some seed exits 1 and prints that seed with its replay command', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
    // examples/dirac-gate/buggy-dirac.ts breaks dirac.eigs on every seed.
    const r = cli('run', 'dirac.eigs', '--seeds', '2', '--runs', '20', '--workers', '1', '--out', out, '--impl', 'dirac-gan=examples/dirac-gate/buggy-dirac.ts');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/0\/2 as expected/);
    expect(r.out).toMatch(/replay: npx gan-claims replay dirac\.eigs --seed \d+ --path/);
  }, 120_000);

  test('a bad --seeds is a usage error naming it (exit 2)', () => {
    const r = cli('run', 'dirac.eigs', '--seeds', 'lots');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seeds/);
  });
});
