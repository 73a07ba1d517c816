import { beforeAll, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { tf } from '../../src/tf/tf.ts';
import { initBackend } from '../../src/tf/backend.ts';
import { makeDiscriminator, makeGenerator } from '../../src/tf/gan-models.ts';
import { Rng } from '../../src/random/rng.ts';

beforeAll(async () => { await initBackend('wasm'); });

/** Sample std of ≥ 1 600 He-normal weights: relative standard error ≤ 1/√(2·1600) ≈ 1.8 %; 10 % is > 5 of those. */
const STD_RTOL = 0.1;

test.prop([fc.constantFrom('dense' as const, 'dcgan' as const), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1e6 })], { numRuns: 8 })(
  'generator maps [B, nz] to images in [−1, 1] and the discriminator images to one logit each (forward works on wasm)', (arch, H, B, seed) => {
    const rng = new Rng(seed);
    const G = makeGenerator({ arch, H, nz: 5 }, 1, rng);
    const D = makeDiscriminator({ arch, H, nz: 5 }, 1, rng);
    const x = G.apply(tf.randomNormal([B, 5]));
    expect(x.shape).toEqual([B, 784]);
    const v = x.dataSync();
    for (const p of v) expect(Math.abs(p)).toBeLessThanOrEqual(1);
    expect(D.apply(x).shape).toEqual([B, 1]);
    G.dispose(); D.dispose();
  });

test.prop([fc.constantFrom(0.01, 0.3, 1, 4), fc.integer({ min: 0, max: 1e6 })], { numRuns: 8 })(
  'initialisation scale α multiplies the He-normal std √(2/fan_in)', (alpha, seed) => {
    const G = makeGenerator({ arch: 'dense', H: 100, nz: 16 }, alpha, new Rng(seed));
    const w = G.vars[0]!.dataSync(); // [16, 100]: fan_in 16
    let s = 0;
    for (const v of w) s += v * v;
    const std = Math.sqrt(s / w.length);
    expect(Math.abs(std / (alpha * Math.sqrt(2 / 16)) - 1)).toBeLessThan(STD_RTOL);
    G.dispose();
  });

test('bad sizes and scales are RangeErrors naming the argument', () => {
  const rng = new Rng(1);
  expect(() => makeGenerator({ arch: 'dense', H: 0, nz: 4 }, 1, rng)).toThrow(/H must be/);
  expect(() => makeGenerator({ arch: 'dense', H: 4, nz: 4 }, Number.NaN, rng)).toThrow(/α/);
  expect(() => makeDiscriminator({ arch: 'mlp' as 'dense', H: 4, nz: 4 }, 1, rng)).toThrow(RangeError);
});
