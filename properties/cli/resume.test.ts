/**
 * `run --resume` through the real bin: a finished run leaves no partial record; a killed run's
 * results are reused (not recomputed) and the report lists the claims in selection order.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PartialResults, PARTIAL_FILE } from '../../src/runner/partial-results.ts';
import type { ClaimResult } from '../../src/runner/result.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/gan-claims.mjs');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const ids = ['dirac.eigs', 'dirac.regimes'];

describe('gan-claims run --resume', () => {
  test('reuses the results a killed run left and runs only the rest', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'resume-'));
    const full = cli('run', ...ids, '--out', out, '--runs', '20', '--workers', '1');
    expect(full.code).toBe(0);
    expect(existsSync(path.join(out, PARTIAL_FILE))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { results: ClaimResult[] };
    // A "killed" run: only dirac.regimes finished, marked so a recomputation would show.
    const regimes = report.results.find((r) => r.id === 'dirac.regimes')!;
    PartialResults.start(out, { globalSeed: regimes.globalSeed, runs: 20, claimFiles: [], impls: [], options: { backend: 'auto' } })
      .add({ ...regimes, evidence: { ...regimes.evidence, marker: 'from the killed run' } });
    const resumed = cli('run', ...ids, '--out', out, '--runs', '20', '--workers', '1', '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/resuming: 1 result\(s\)/);
    const again = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { results: ClaimResult[] };
    expect(again.results.map((r) => r.id)).toEqual(report.results.map((r) => r.id));
    expect(again.results.find((r) => r.id === 'dirac.regimes')!.evidence['marker']).toBe('from the killed run');
    expect(again.results.find((r) => r.id === 'dirac.eigs')!.evidence).toEqual(report.results.find((r) => r.id === 'dirac.eigs')!.evidence);
    expect(existsSync(path.join(out, PARTIAL_FILE))).toBe(false);
  }, 120_000);

  test('--resume under another seed exits 2 naming --resume', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'resume-'));
    PartialResults.start(out, { globalSeed: 1, runs: null, claimFiles: [], impls: [], options: { backend: 'auto' } });
    const r = cli('run', 'dirac.eigs', '--out', out, '--seed', '2', '--resume');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--resume/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
