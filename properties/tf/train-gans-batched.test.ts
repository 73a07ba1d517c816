/**
 * R GAN runs batched into one model (src/tf/train-gans-batched.ts) equal R separate trainGanRun
 * calls to float32 rounding: the same generator outputs at the end, the same losses, the same
 * metrics, for RMSProp and Adam, clamped and unclamped runs mixed, runs given in any order.
 */
import { beforeAll, expect, test } from 'vitest';
import { tfSetup, type TfSetup } from '../../src/tf/setup.ts';
import { tf, type Tensor } from '../../src/tf/tf.ts';
import { trainGanRun, type GanRunConfig, type GanRunResult } from '../../src/tf/train-gan.ts';
import { trainGanRunsBatched, type BatchedGanConfig, type BatchedRunSpec } from '../../src/tf/train-gans-batched.ts';
import { Rng } from '../../src/random/rng.ts';

/**
 * Batched and plain float32 matMuls sum in different orders (~1e-7 relative per product); over a few
 * optimizer steps that stays ~1e-5 relative on outputs of size ~1. 1e-3 leaves margin; a run reading
 * another run's data, a wrong learning rate or a missing clamp term gives O(1e-2 … 1).
 */
const RTOL = 1e-3;

/** ln(1e5): below it the smallest eigenvalue of JᵀJ is ≥ 1e-5 λ_max, 100× float32's rounding of J. */
const LOGCOND_RELIABLE = Math.log(1e5);

/** λ_min = λ_max: the penalty (Q − 4)² is active at every Q, so a clamp term that went missing shows (PAPER_CLAMP's [1, 20] may hold Q inside for a few steps). */
const CLAMP = { eps: 1, lambdaMin: 4, lambdaMax: 4 };

let setup: TfSetup;
beforeAll(async () => { setup = await tfSetup({ backend: 'wasm' }, [0, 1, 7]); }, 120_000);

const base: BatchedGanConfig = { arch: 'dense', H: 16, nz: 6, alphaG: 1, alphaD: 1, lrG: 2e-3, lrD: 1e-3, gamma: 0.9, batch: 8, steps: 6, digits: [0, 1, 7], evalEvery: 3, nEval: 60, nJac: 2, clamp: CLAMP };
const specs: BatchedRunSpec[] = [
  { seed: 11, clamped: false },
  { seed: 12, clamped: true, lrG: 4e-3 },
  { seed: 13, clamped: false, gamma: 0.8, alphaG: 0.5 },
  { seed: 14, clamped: true, lrD: 3e-3 },
];

function outputs(G: { apply: (z: Tensor) => Tensor }, nz: number): Float32Array {
  const z = new Float32Array(5 * nz);
  const rng = new Rng(99);
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
  return tf.tidy(() => G.apply(tf.tensor2d(z, [5, nz]))).dataSync() as Float32Array;
}

// Equal infinities (a singular M_z has log condition +∞) count as equal.
const close = (a: number, b: number) => a === b || Math.abs(a - b) <= RTOL * (1 + Math.abs(a));

for (const optimizer of ['rmsprop', 'adam'] as const) {
  test(`${optimizer}: 4 runs batched (2 clamped, different rates, decay, init scale) equal 4 separate runs`, () => {
    const cfg = { ...base, optimizer };
    const sepOut: Float32Array[] = [];
    const sep: GanRunResult[] = specs.map((s) => {
      const c: GanRunConfig = { ...cfg, clamp: s.clamped ? CLAMP : null, lrG: s.lrG ?? cfg.lrG, lrD: s.lrD ?? cfg.lrD, gamma: s.gamma ?? cfg.gamma, alphaG: s.alphaG ?? cfg.alphaG };
      return trainGanRun(c, s.seed, setup.data, undefined, (G) => { sepOut.push(outputs(G, cfg.nz)); });
    });
    const batOut: Float32Array[] = [];
    const bat = trainGanRunsBatched(cfg, specs, setup.data, undefined, (r, G) => { batOut[r] = outputs(G, cfg.nz); });
    for (let r = 0; r < specs.length; r++) {
      const a = sepOut[r]!, b = batOut[r]!;
      let maxErr = 0;
      for (let i = 0; i < a.length; i++) maxErr = Math.max(maxErr, Math.abs(a[i]! - b[i]!));
      expect(maxErr, `run ${r}: generator outputs`).toBeLessThanOrEqual(RTOL);
      const s = sep[r]!, t = bat.runs[r]!;
      expect(t.seed).toBe(s.seed);
      expect(t.config.clamp).toEqual(s.config.clamp);
      expect(t.history.map((h) => h.step)).toEqual(s.history.map((h) => h.step));
      s.history.forEach((h, k) => {
        const u = t.history[k]!;
        for (const key of ['lossD', 'lossG', 'score', 'fd'] as const) expect(close(h[key], u[key]), `run ${r} step ${h.step} ${key}: ${h[key]} vs ${u[key]}`).toBe(true);
        // log κ(M_z) is a float32 reading only while λ_min/λ_max is far above float32's ~1e-7 relative rounding of J.
        if (h.logCond < LOGCOND_RELIABLE) expect(close(h.logCond, u.logCond), `run ${r} step ${h.step} logCond: ${h.logCond} vs ${u.logCond}`).toBe(true);
        else expect(u.logCond).toBeGreaterThan(LOGCOND_RELIABLE - 2);
        // Class counts are argmaxes: a sample within rounding of a tie may switch class, no more.
        expect(u.classCounts.reduce((x, c, j) => x + Math.abs(c - h.classCounts[j]!), 0)).toBeLessThanOrEqual(2);
        if (s.config.clamp) expect(close(h.clampQ!, u.clampQ!)).toBe(true);
        else expect(u.clampQ).toBeUndefined();
      });
    }
    // The runs are distinct: batching did not make them one run.
    expect(Math.abs(batOut[0]![0]! - batOut[2]![0]!)).toBeGreaterThan(1e-4);
  }, 180_000);
}

test('bad batches are RangeErrors naming the argument', () => {
  expect(() => trainGanRunsBatched(base, [], setup.data)).toThrow(/runs must not be empty/);
  expect(() => trainGanRunsBatched({ ...base, arch: 'dcgan' as 'dense' }, specs, setup.data)).toThrow(/arch must be 'dense'/);
  expect(() => trainGanRunsBatched(base, [{ seed: 1, clamped: false, lrG: -1 }], setup.data)).toThrow(/lrG/);
});
