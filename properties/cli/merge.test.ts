/** Shards cover the selection exactly once and `merge` joins them back into one report. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function quiet(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    return { code: await main(args), err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = 0;
  }
}

const ids = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { results: { id: string }[] }).results.map((r) => r.id);

test('run --shard 1/2 and 2/2, then merge: every selected claim exactly once', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gc-merge-'));
  const [a, b, m, other] = ['a', 'b', 'm', 'other'].map((x) => path.join(tmp, x));
  const sel = ['dirac.eigs', 'dirac.regimes', 'dirac.simgd-diverges', 'dirac.fig18'];
  expect((await quiet(['run', ...sel, '--shard', '1/2', '--out', a!, '--workers', '1', '--runs', '100'])).code).toBe(0);
  expect((await quiet(['run', ...sel, '--shard', '2/2', '--out', b!, '--workers', '1', '--runs', '100'])).code).toBe(0);
  expect(ids(a!).length + ids(b!).length).toBe(sel.length);
  expect((await quiet(['merge', a!, b!, '--out', m!])).code).toBe(0);
  expect(ids(m!).sort()).toEqual([...sel].sort());
  // Reports of different global seeds cannot be merged.
  await quiet(['run', 'dirac.eigs', '--seed', '7', '--out', other!, '--workers', '1']);
  const bad = await quiet(['merge', a!, other!, '--out', path.join(tmp, 'bad')]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/different global seeds/);
}, 120_000);
