/**
 * The nightly path end to end on a claim split into units: shards balanced on recorded durations
 * split its units, `merge` reduces them into exactly the report a single run writes (timings
 * aside), `plan` predicts from the same record, and `--resume` picks up at the first missing unit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function quiet(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = 0;
  }
}

interface R { id: string; durationMs: number; units?: { durationMs: number }[]; [k: string]: unknown }
const report = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { results: R[]; pendingUnits?: { id: string; index: number }[]; summary: unknown };
const timeless = (rs: R[]) => rs.map((r) => ({ ...r, durationMs: 0, units: r.units?.map((u) => ({ ...u, durationMs: 0 })) }));

const CLAIMS = ['--claims', 'properties/runner/fixtures/unit-claims.ts'];
const SEL = ['test.units-demo', 'dirac.eigs', 'dirac.regimes', 'dirac.critical-damping', '--tier', 'all', ...CLAIMS, '--runs', '30'];

test('sharded by durations, merged: the single run\'s report; plan predicts the shards', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gc-units-'));
  const dur = path.join(tmp, 'durations.json');
  // A record in which each demo unit costs a minute: LPT spreads its 7 units over the 3 shards.
  writeFileSync(dur, JSON.stringify({ version: 1, note: 'test', claims: { 'dirac.eigs': 30_000, 'dirac.regimes': 30_000, 'dirac.critical-damping': 1_000 }, units: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`test.units-demo#u${i}`, 60_000])) }));
  const single = path.join(tmp, 'single');
  expect((await quiet(['run', ...SEL, '--out', single, '--workers', '2'])).code).toBe(0);
  const shards = [1, 2, 3].map((i) => path.join(tmp, `s${i}`));
  for (const [k, dir] of shards.entries()) {
    const r = await quiet(['run', ...SEL, '--shard', `${k + 1}/3`, '--durations', dur, '--out', dir, '--workers', '2']);
    expect(r.code, r.err).toBe(0);
  }
  const pending = shards.flatMap((d) => report(d).pendingUnits ?? []);
  expect(pending.filter((u) => u.id === 'test.units-demo').map((u) => u.index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  for (const d of shards) expect(report(d).pendingUnits?.length ?? 0).toBeGreaterThan(0);
  const merged = path.join(tmp, 'merged');
  expect((await quiet(['merge', ...shards, '--out', merged])).code).toBe(0);
  expect(timeless(report(merged).results)).toEqual(timeless(report(single).results));
  // Registry order, not id order (critical-damping sorts first but is registered after regimes).
  expect(report(merged).results.map((r) => r.id)).toEqual(['dirac.eigs', 'dirac.regimes', 'dirac.critical-damping', 'test.units-demo']);
  expect(report(merged).summary).toEqual(report(single).summary);

  // Merging without one shard names what is missing (exit 2).
  const partial = await quiet(['merge', shards[0]!, shards[1]!, '--out', path.join(tmp, 'bad')]);
  expect(partial.code).toBe(2);
  expect(partial.err).toMatch(/test\.units-demo is missing \d of its 7 units/);
  // --partial: the complete claims get their verdicts, the split one stays pending (listed), and
  // merging that report with the last shard finishes it into the single run's report.
  const half = path.join(tmp, 'half');
  const h = await quiet(['merge', shards[0]!, shards[1]!, '--partial', '--out', half]);
  expect(h.code, h.err).toBe(0);
  expect(h.out).toMatch(/incomplete \(units in shards not merged; kept pending\): test\.units-demo [1-6]\/7/);
  expect(report(half).results.map((r) => r.id)).not.toContain('test.units-demo');
  const inTwo = new Set([shards[0]!, shards[1]!].flatMap((d) => report(d).results.map((r) => r.id)));
  expect(timeless(report(half).results)).toEqual(timeless(report(single).results.filter((r) => inTwo.has(r.id))));
  expect(new Set(report(half).pendingUnits!.map((u) => u.id))).toEqual(new Set(['test.units-demo']));
  // --record-durations on a partial merge records the pending units it kept, not only the reduced claims.
  const durPartial = path.join(tmp, 'durations-partial.json');
  writeFileSync(durPartial, JSON.stringify({ version: 1, note: 'test', claims: {}, units: {} }));
  expect((await quiet(['merge', shards[0]!, shards[1]!, '--partial', '--out', half, '--record-durations', durPartial])).code).toBe(0);
  const recPartial = JSON.parse(readFileSync(durPartial, 'utf8')) as { units: Record<string, number> };
  expect(Object.keys(recPartial.units).filter((k) => k.startsWith('test.units-demo#')).length).toBe(report(half).pendingUnits!.length);
  const whole = path.join(tmp, 'whole');
  expect((await quiet(['merge', half, shards[2]!, '--out', whole])).code).toBe(0);
  expect(timeless(report(whole).results)).toEqual(timeless(report(single).results));

  const plan = await quiet(['plan', 'test.units-demo', 'dirac.eigs', 'dirac.regimes', '--tier', 'all', ...CLAIMS, '--shards', '3', '--workers', '1', '--durations', dur, '--json']);
  const p = JSON.parse(plan.out) as { predictedWallMinutes: number; items: number; plans: { items: number; cpuMinutes: number }[] };
  expect(p.items).toBe(9); // the plan's selection leaves critical-damping out
  // 7 × 1 min + 2 × 0.5 min on 3 single-worker shards: LPT gives 1+1+1, 1+1+0.5, 1+1+0.5 — max 3 min.
  expect(p.plans.map((s) => s.cpuMinutes).sort()).toEqual([2.5, 2.5, 3]);
  expect(p.predictedWallMinutes).toBe(3);

  // Durations recorded from the merged run: the units' and the claims' own.
  expect((await quiet(['merge', ...shards, '--out', merged, '--record-durations', dur])).code).toBe(0);
  const rec = JSON.parse(readFileSync(dur, 'utf8')) as { claims: Record<string, number>; units: Record<string, number> };
  expect(Object.keys(rec.units).filter((k) => k.startsWith('test.units-demo#'))).toHaveLength(7);
  expect(rec.claims['test.units-demo']).toBeGreaterThan(0);
}, 180_000);

test('--resume reuses the units a killed run finished', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gc-units-resume-'));
  const first = path.join(tmp, 'first');
  const sel = ['test.units-demo', '--tier', 'all', ...CLAIMS];
  expect((await quiet(['run', ...sel, '--out', first, '--workers', '1'])).code).toBe(0);
  // What a run killed after 3 units leaves: the settings line and three unit lines.
  const again = path.join(tmp, 'again');
  expect((await quiet(['run', ...sel, '--shard', '1/3', '--out', again, '--workers', '1'])).code).toBe(0);
  const done = report(again).pendingUnits ?? [];
  expect(done.length).toBeGreaterThan(0);
  const settings = { globalSeed: 20221122, runs: null, claimFiles: ['properties/runner/fixtures/unit-claims.ts'], impls: [], options: { backend: 'auto' } };
  writeFileSync(path.join(again, 'partial.jsonl'), [JSON.stringify({ settings }), ...done.map((u) => JSON.stringify({ unit: u }))].join('\n') + '\n');
  const r = await quiet(['run', ...sel, '--resume', '--out', again, '--workers', '1']);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toMatch(new RegExp(`resuming: 0 result\\(s\\) and ${done.length} unit\\(s\\)`));
  expect(timeless(report(again).results)).toEqual(timeless(report(first).results));
}, 120_000);
