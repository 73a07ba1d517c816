/**
 * A realistic bug in the generator: the particles move up the discriminator's gradient,
 * xᵢ ← xᵢ + η∇f_α̂(xᵢ) (the discriminator's ascent sign copied into the generator's update), so the
 * generator maximises E_α̂ f instead of minimising it and MMD² grows.
 */
import type { ntkGan } from 'gan-claims';
import correct from './correct-ntk-gan.ts';

const impl: ntkGan.NtkGan = {
  ...correct,
  generatorStep(kernel, xs, ys, eta) {
    const d = xs[0]!.length;
    const tmp = new Float64Array(d);
    const grads = xs.map((u) => {
      const g = new Float64Array(d);
      for (const x of xs) { kernel.gradX!(u, x, tmp); for (let a = 0; a < d; a++) g[a]! += tmp[a]! / xs.length; }
      for (const y of ys) { kernel.gradX!(u, y, tmp); for (let a = 0; a < d; a++) g[a]! -= tmp[a]! / ys.length; }
      return g;
    });
    return xs.map((x, i) => Float64Array.from(x, (v, a) => v + eta * grads[i]![a]!)); // BUG: − η∇f_α̂
  },
};

export default impl;
