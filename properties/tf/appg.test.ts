import { beforeAll, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { tf } from '../../src/tf/tf.ts';
import { initBackend } from '../../src/tf/backend.ts';
import { appGApply, appGNtk, makeAppGGenerator, sphereSeeds, APPG_INPUT_DIM } from '../../src/tf/appg.ts';
import { Rng } from '../../src/random/rng.ts';

/** float32 closed form vs float32 autodiff inner products over ~width·260 terms: 1e-4 relative. */
const RTOL = 1e-4;

beforeAll(async () => { await initBackend('wasm'); });

test.prop([fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 1e6 }), fc.boolean()], { numRuns: 12 })(
  'closed-form App. G NTK equals the inner products of autodiff parameter gradients', (width, seed, trainedBias) => {
    const rng = new Rng(seed);
    const g = makeAppGGenerator(width, rng);
    // A non-zero bias (as after training) exercises the b-gradient term too.
    if (trainedBias) g.b.assign(tf.tensor1d(Float32Array.from({ length: width }, () => 0.1 * rng.normal())));
    const n = 3;
    const Z = sphereSeeds(rng, n);
    const k = appGNtk(g, Z);
    const grads: Float32Array[][] = []; // [seed][output] → flat gradient over (w, b, a)
    for (let s = 0; s < n; s++) {
      const z = tf.tensor2d(Z.subarray(s * APPG_INPUT_DIM, (s + 1) * APPG_INPUT_DIM), [1, APPG_INPUT_DIM]);
      grads.push([0, 1].map((i) => {
        const { grads: gr } = tf.variableGrads(() => tf.sum(tf.slice(appGApply(g, z), [0, i], [1, 1])) as tf.Scalar, [g.w, g.b, g.a]);
        const flat = tf.concat([g.w, g.b, g.a].map((v) => tf.reshape(gr[v.name]!, [-1])));
        return flat.dataSync() as Float32Array;
      }));
    }
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((acc, v, i) => acc + v * b[i]!, 0);
    for (let s = 0; s < n; s++) for (let t = 0; t < n; t++) {
      const want = [dot(grads[s]![0]!, grads[t]![0]!), dot(grads[s]![1]!, grads[t]![1]!), dot(grads[s]![0]!, grads[t]![1]!)];
      const got = [k.t11[s * n + t]!, k.t22[s * n + t]!, k.t12[s * n + t]!];
      const scale = Math.max(Math.abs(want[0]!), Math.abs(want[1]!), 1e-12);
      for (let q = 0; q < 3; q++) expect(Math.abs(got[q]! - want[q]!) / scale).toBeLessThan(RTOL);
    }
  });
