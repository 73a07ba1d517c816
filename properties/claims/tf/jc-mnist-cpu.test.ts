/**
 * jc.mnist.cpu's decision on planted arm results (it can hold, be refuted and show nothing), and its
 * units end to end at a tiny scale on wasm (list → run → reduce gives a verdict with the blocks).
 */
import { expect, test } from 'vitest';
import { jcCpuDecision, jcCpuUnits, JC_CPU, type JcUnitResult } from '../../../src/claims/tf/jc-mnist-cpu.ts';
import { Rng } from '../../../src/random/rng.ts';
import { DEFAULT_SEED } from '../../../src/random/seed.ts';
import type { ClaimContext } from '../../../src/claims/claim.ts';

function arm(n: number, clamped: boolean, f: (i: number) => { logCond: number; score: number; fd: number; leastCount: number }): JcUnitResult[] {
  return Array.from({ length: n }, (_, i) => {
    const m = f(i);
    return { seed: i, clamped, stepsPerSecond: 1, history: [], final: { step: 1, lossD: 0, lossG: 0, classCounts: [], ...m } };
  });
}

test('holds on the paper\'s pattern, refuted on its opposite, not shown on noise', () => {
  const rng = new Rng(5);
  // Paper: unclamped runs split into well and ill conditioned, scores spread, log κ predicts missing modes.
  const free = arm(10, false, (i) => ({ logCond: 8 + 2 * i, score: 3 + (i % 2 ? 3 : -1) * (1 + i / 5), fd: 40 + (i % 2 ? 30 : -10) * (1 + i / 5), leastCount: 30 - 3 * i }));
  const clamped = arm(10, true, (i) => ({ logCond: 3 + 0.01 * i, score: 6 + 0.01 * (i % 3), fd: 20 + 0.01 * (i % 3), leastCount: 30 }));
  expect(jcCpuDecision(free, clamped).verdict).toBe('holds');
  // Clamping raising log κ (significantly, the other way) refutes.
  const worse = arm(10, true, (i) => ({ logCond: 40 + i, score: 6, fd: 20, leastCount: 30 }));
  expect(jcCpuDecision(free, worse).verdict).toBe('refuted');
  // Two arms from one distribution: neither direction significant (each block at α = 0.05 both ways).
  const noise = (clamped: boolean) => arm(10, clamped, () => ({ logCond: 5 + rng.normal(), score: 5 + rng.normal(), fd: 30 + rng.normal(), leastCount: 20 + Math.round(3 * rng.normal()) }));
  let notShown = 0;
  for (let k = 0; k < 20; k++) if (jcCpuDecision(noise(false), noise(true)).verdict === 'not-shown') notShown++;
  // P(not shown) ≥ 1 − 4·2·0.05 per draw under the null (union bound); 20 draws, ≥ 10 leaves a wide margin.
  expect(notShown).toBeGreaterThanOrEqual(10);
});

test('a diverged run ranks worst instead of dropping out', () => {
  const free = arm(6, false, (i) => ({ logCond: 5 + i, score: 5, fd: 30, leastCount: 20 - i }));
  const clamped = arm(6, true, (i) => ({ logCond: 2 + 0.1 * i, score: 5, fd: 30, leastCount: 20 }));
  clamped[0] = { ...clamped[0]!, divergedAt: 3 };
  const d = jcCpuDecision(free, clamped);
  expect(d.parts![0]!.pPaper).toBeGreaterThan(jcCpuDecision(free, arm(6, true, (i) => ({ logCond: 2 + 0.1 * i, score: 5, fd: 30, leastCount: 20 }))).parts![0]!.pPaper);
});

test('units: 2 × runs training runs, same seed in both arms; reduce decides from them (tiny scale, wasm)', async () => {
  const p = { id: 'jc.mnist.cpu.test', runs: 2, gan: { ...JC_CPU.gan, steps: 6, evalEvery: 3, nEval: 40, nJac: 2, digits: [0, 1, 7] } };
  const u = jcCpuUnits(p);
  const list = u.list({ seed: 7, globalSeed: DEFAULT_SEED, options: { backend: 'wasm' } });
  expect(list.map((x) => [x.run, x.clamped])).toEqual([[0, false], [0, true], [1, false], [1, true]]);
  expect(list[0]!.seed).toBe(list[1]!.seed);
  expect(list[0]!.seed).not.toBe(list[2]!.seed);
  const ctx = { seed: 7, globalSeed: DEFAULT_SEED, rng: new Rng(7), options: { backend: 'wasm' }, progress: () => {} } as unknown as ClaimContext;
  const results = [];
  for (const x of list) results.push(await u.run(x, ctx));
  expect(results.map((r) => r.history.map((h) => h.step))).toEqual([[3, 6], [3, 6], [3, 6], [3, 6]]);
  expect(results.filter((r) => r.clamped).every((r) => Number.isFinite(r.final.clampQ))).toBe(true);
  const out = await u.reduce(results, ctx);
  expect(['holds', 'refuted', 'not-shown']).toContain(out.verdict);
  expect(out.decision!.parts).toHaveLength(4);
  expect(out.figures!.map((f) => f.name)).toEqual(['log-cond', 'score', 'fd']);
}, 120_000);
