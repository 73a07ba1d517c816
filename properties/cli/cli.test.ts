/**
 * The CLI as a user meets it: real processes through bin/gan-claims.mjs. Exit codes: 0 as
 * expected, 1 a claim not as expected, 2 bad usage with a one-line message naming the argument.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/gan-claims.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gan-claims CLI', () => {
  test('list --json lists the seven dirac claims with their front matter', () => {
    const r = cli('list', 'dirac.*', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; tier: string; kind: string; expect: string; source: unknown; statement: string }[];
    expect(rows.map((x) => x.id).sort()).toEqual(
      ['dirac.altgd-bounded', 'dirac.critical-damping', 'dirac.eigs', 'dirac.fig18', 'dirac.gp-converges', 'dirac.regimes', 'dirac.simgd-diverges'],
    );
    for (const x of rows) for (const k of ['tier', 'kind', 'expect', 'source', 'statement']) expect(x).toHaveProperty(k);
  });

  test('list --json through a pipe is complete (long output is flushed before exit) and covers the catalog', () => {
    const r = cli('list', '--json');
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.out) as { id: string }[]).map((x) => x.id);
    expect(r.out.length).toBeGreaterThan(65536);
    expect(ids.length).toBeGreaterThanOrEqual(60);
  });

  test.each([
    [['run', '--tier', 'medium'], /--tier/],
    [['run', 'no.such.claim'], /no\.such\.claim/],
    [['run', 'dirac.eigs', '--seed', 'abc'], /--seed/],
    [['run', 'dirac.eigs', '--runs', '0'], /--runs/],
    [['run', 'dirac.eigs', '--shard', '3/2'], /--shard/],
    [['run', 'dirac.eigs', '--workers', '-1'], /--workers|unknown option/],
    [['run', 'dirac.eigs', '--impl', 'no-such-system=./x.ts'], /--impl/],
    [['run', 'dirac.eigs', '--claims', './does-not-exist.ts'], /--claims/],
    [['run', '--bogus'], /unknown option/],
    [['replay', 'dirac.eigs'], /--seed/],
    [['show', 'nope'], /nope/],
    [['frobnicate'], /unknown command/],
  ])('bad usage %j exits 2 with one line naming the argument', async (args, re) => {
    // In-process (same code path as the bin, minus process start-up).
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
    const code = await main(args).finally(() => spy.mockRestore());
    process.exitCode = 0;
    expect(code).toBe(2);
    expect(err).toMatch(re);
    expect(err.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  test('bad usage through the real binary: exit code 2 and the message on stderr', () => {
    const r = cli('run', '--tier', 'medium');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--tier: expected one of fast, slow, gpu, all, got 'medium'/);
  });

  test('run --json prints only the report JSON on stdout and writes the report directory', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gan-claims-'));
    const r = cli('run', 'dirac.eigs', 'dirac.fig18', '--runs', '100', '--json', '--out', out, '--workers', '1', '--seed', '99');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { globalSeed: number; results: { id: string; status: string; numRuns: number }[]; schema: string };
    expect(report.schema).toBe('gan-claims/report');
    expect(report.globalSeed).toBe(99);
    expect(report.results.map((x) => [x.id, x.status])).toEqual([['dirac.eigs', 'holds'], ['dirac.fig18', 'holds']]);
    expect(report.results[0]!.numRuns).toBe(100);
    for (const f of ['report.json', 'report.md', 'junit.xml', 'figures/dirac.fig18.fig18.svg']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(readFileSync(path.join(out, 'figures/dirac.fig18.fig18.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(path.join(out, 'junit.xml'), 'utf8')).toContain('dirac.eigs');
  });

  test('a tier mismatch is explained: a slow claim needs --tier', () => {
    const r = cli('list', '--tier', 'slow', '--json');
    const slow = (JSON.parse(r.out) as { id: string }[])[0];
    if (slow) {
      const run = cli('run', slow.id, '--out', mkdtempSync(path.join(os.tmpdir(), 'gc-')));
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/--tier slow/);
    }
  });
});
