import { beforeAll, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { initBackend } from '../../src/tf/backend.ts';
import { makeGenerator } from '../../src/tf/gan-models.ts';
import { generatorJacobians } from '../../src/tf/jacobian.ts';
import { denseGeneratorToMlp } from '../../src/tf/to-mlp.ts';
import { jacobian, kinkMargin } from '../../src/systems/jacobian-clamping/mlp.ts';
import { relFroError } from '../../src/linalg/index.ts';
import { PIXELS } from '../../src/tf/mnist.ts';
import { Rng } from '../../src/random/rng.ts';

/** float32 reverse mode vs float64 forward mode through three layers: ~1e-6 relative; a wrong row/column gives O(1). */
const RTOL = 1e-4;
/** Skip latents this close to a ReLU kink (float32 may take the other branch). */
const KINK = 1e-3;

beforeAll(async () => { await initBackend('wasm'); });

test.prop([fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom(1, 0.1, 3), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(784, 100, 37)], { numRuns: 12 })(
  'batched vjp Jacobian of the dense generator equals the float64 analytic Jacobian', (nz, H, alpha, seed, chunk) => {
    const rng = new Rng(seed);
    const G = makeGenerator({ arch: 'dense', H, nz }, alpha, rng);
    const mlp = denseGeneratorToMlp(G);
    const B = 3;
    const z = Float32Array.from({ length: B * nz }, () => rng.normal());
    const Js = generatorJacobians(G.apply, z, B, nz, PIXELS, chunk);
    for (let b = 0; b < B; b++) {
      const zb = Array.from(z.subarray(b * nz, (b + 1) * nz));
      if (kinkMargin(mlp, zb) < KINK) continue;
      expect(relFroError({ rows: PIXELS, cols: nz, data: Js[b]! }, jacobian(mlp, zb))).toBeLessThan(RTOL);
    }
    G.dispose();
  });
