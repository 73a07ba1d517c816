/** Random shallow ReLU networks for the ib.* property claims (all randomness from the instance's seed). */
import { Rng } from '../../random/rng.ts';
import { shallowNet, type ShallowNet } from '../../systems/shallow-relu-gan/index.ts';

/** Gaussian parameters with std `scale`; hidden weights kept away from 0 so every neuron has a breakplane. */
export function randomNet(d: number, H: number, D: number, seed: number, scale = 1): ShallowNet {
  const rng = new Rng(seed);
  const net = shallowNet(d, H, D);
  for (let i = 0; i < net.theta.length; i++) net.theta[i] = scale * rng.normal();
  for (let i = 0; i < H; i++) {
    let n2 = 0;
    for (let k = 0; k < d; k++) n2 += net.W[i * d + k]! ** 2;
    if (n2 < 1e-4 * scale * scale) net.W[i * d] = scale * (0.1 + rng.uniform());
  }
  return net;
}

export function randomPoints(n: number, d: number, seed: number, scale = 2): Float64Array {
  const rng = new Rng(seed);
  const X = new Float64Array(n * d);
  return rng.normals(X, 0, scale);
}
