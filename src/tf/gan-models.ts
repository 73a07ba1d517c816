/**
 * Generators and discriminators for 28×28 MNIST, as (variables, apply) pairs over raw tf ops.
 *
 * dcgan (the gpu tier; 000's Appendix C is not in our text, so this is the standard DCGAN shape of
 * Radford et al. 2015 for 28×28, the one GPU.md timed):
 *   G: z ∈ ℝ^nz → dense 7·7·2H, ReLU → convᵀ 5×5 stride 2 → 14×14×H, ReLU → convᵀ 5×5 stride 2 → 28×28×1, tanh
 *   D: 28×28×1 → conv 5×5 stride 2 → 14×14×H, LeakyReLU 0.2 → conv 5×5 stride 2 → 7×7×2H, LeakyReLU 0.2 → dense 1 (logit)
 *   No batch normalisation: it couples the samples of a batch, which would make the per-sample
 *   Jacobian J_z (003 §2) and Jacobian Clamping's G(z) vs G(z′) comparison ill-defined.
 * dense (the CPU smoke versions: the wasm backend cannot train convolutions and pure JS is too slow):
 *   G: nz → H, ReLU → 2H, ReLU → 784, tanh;   D: 784 → 2H, LeakyReLU 0.2 → H, LeakyReLU 0.2 → 1.
 * Initialisation: weights N(0, α²·2/fan_in) (He normal scaled by the paper's α_G or α_D), biases 0.
 */
import type { Rng } from '../random/rng.ts';
import { tf, type Tensor } from './tf.ts';
import { PIXELS } from './mnist.ts';
import { matMul } from './matmul.ts';

export type Arch = 'dense' | 'dcgan';

export interface NetConfig {
  arch: Arch;
  /** Hidden size H (channels of the first conv / width of the dense layers). */
  H: number;
  nz: number;
}

export interface Net {
  vars: tf.Variable[];
  /** G: z [B, nz] → images [B, 784] in [−1, 1];  D: images [B, 784] → logits [B, 1]. */
  apply(x: Tensor): Tensor;
  /** The same network evaluated with given parameter values (for Jacobians of copies). */
  dispose(): void;
}

function weight(rng: Rng, shape: number[], fanIn: number, alpha: number, name: string): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  const std = alpha * Math.sqrt(2 / fanIn);
  for (let i = 0; i < size; i++) data[i] = std * rng.normal();
  return tf.variable(tf.tensor(data, shape), true, name);
}

function bias(n: number, name: string): tf.Variable {
  return tf.variable(tf.zeros([n]), true, name);
}

let uid = 0;

export function makeGenerator(cfg: NetConfig, alpha: number, rng: Rng): Net {
  checkCfg(cfg, alpha);
  const { H, nz } = cfg;
  const id = `G${uid++}`;
  if (cfg.arch === 'dense') {
    const W = [weight(rng, [nz, H], nz, alpha, `${id}w0`), weight(rng, [H, 2 * H], H, alpha, `${id}w1`), weight(rng, [2 * H, PIXELS], 2 * H, alpha, `${id}w2`)];
    const b = [bias(H, `${id}b0`), bias(2 * H, `${id}b1`), bias(PIXELS, `${id}b2`)];
    return net([...W, ...b], (z) => {
      const h1 = tf.relu(tf.add(matMul(z, W[0]!), b[0]!));
      const h2 = tf.relu(tf.add(matMul(h1, W[1]!), b[1]!));
      return tf.tanh(tf.add(matMul(h2, W[2]!), b[2]!));
    });
  }
  const w0 = weight(rng, [nz, 49 * 2 * H], nz, alpha, `${id}w0`);
  const b0 = bias(49 * 2 * H, `${id}b0`);
  // conv2dTranspose filters are [k, k, outChannels, inChannels]; fan-in of a stride-2 transpose is k²·C_in/4.
  const w1 = weight(rng, [5, 5, H, 2 * H], (25 * 2 * H) / 4, alpha, `${id}w1`);
  const b1 = bias(H, `${id}b1`);
  const w2 = weight(rng, [5, 5, 1, H], (25 * H) / 4, alpha, `${id}w2`);
  const b2 = bias(1, `${id}b2`);
  return net([w0, b0, w1, b1, w2, b2], (z) => {
    const B = z.shape[0]!;
    const h0 = tf.reshape(tf.relu(tf.add(matMul(z, w0), b0)), [B, 7, 7, 2 * H]) as tf.Tensor4D;
    const h1 = tf.relu(tf.add(tf.conv2dTranspose(h0, w1 as unknown as tf.Tensor4D, [B, 14, 14, H], 2, 'same'), b1)) as tf.Tensor4D;
    const h2 = tf.add(tf.conv2dTranspose(h1, w2 as unknown as tf.Tensor4D, [B, 28, 28, 1], 2, 'same'), b2);
    return tf.reshape(tf.tanh(h2), [B, PIXELS]);
  });
}

export function makeDiscriminator(cfg: NetConfig, alpha: number, rng: Rng): Net {
  checkCfg(cfg, alpha);
  const { H } = cfg;
  const id = `D${uid++}`;
  if (cfg.arch === 'dense') {
    const W = [weight(rng, [PIXELS, 2 * H], PIXELS, alpha, `${id}w0`), weight(rng, [2 * H, H], 2 * H, alpha, `${id}w1`), weight(rng, [H, 1], H, alpha, `${id}w2`)];
    const b = [bias(2 * H, `${id}b0`), bias(H, `${id}b1`), bias(1, `${id}b2`)];
    return net([...W, ...b], (x) => {
      const h1 = tf.leakyRelu(tf.add(matMul(x, W[0]!), b[0]!), 0.2);
      const h2 = tf.leakyRelu(tf.add(matMul(h1, W[1]!), b[1]!), 0.2);
      return tf.add(matMul(h2, W[2]!), b[2]!);
    });
  }
  const w0 = weight(rng, [5, 5, 1, H], 25, alpha, `${id}w0`);
  const b0 = bias(H, `${id}b0`);
  const w1 = weight(rng, [5, 5, H, 2 * H], 25 * H, alpha, `${id}w1`);
  const b1 = bias(2 * H, `${id}b1`);
  const w2 = weight(rng, [49 * 2 * H, 1], 49 * 2 * H, alpha, `${id}w2`);
  const b2 = bias(1, `${id}b2`);
  return net([w0, b0, w1, b1, w2, b2], (x) => {
    const B = x.shape[0]!;
    const h0 = tf.leakyRelu(tf.add(tf.conv2d(tf.reshape(x, [B, 28, 28, 1]) as tf.Tensor4D, w0 as unknown as tf.Tensor4D, 2, 'same'), b0), 0.2) as tf.Tensor4D;
    const h1 = tf.leakyRelu(tf.add(tf.conv2d(h0, w1 as unknown as tf.Tensor4D, 2, 'same'), b1), 0.2);
    return tf.add(tf.matMul(tf.reshape(h1, [B, 49 * 2 * H]) as tf.Tensor2D, w2), b2);
  });
}

function net(vars: tf.Variable[], apply: (x: Tensor) => Tensor): Net {
  return { vars, apply, dispose: () => vars.forEach((v) => v.dispose()) };
}

function checkCfg(cfg: NetConfig, alpha: number): void {
  if (cfg.arch !== 'dense' && cfg.arch !== 'dcgan') throw new RangeError(`arch must be 'dense' or 'dcgan', got ${String(cfg.arch)}`);
  if (!(Number.isInteger(cfg.H) && cfg.H >= 1)) throw new RangeError(`H must be a positive integer, got ${cfg.H}`);
  if (!(Number.isInteger(cfg.nz) && cfg.nz >= 1)) throw new RangeError(`nz must be a positive integer, got ${cfg.nz}`);
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new RangeError(`initialisation scale α must be a positive number, got ${alpha}`);
}
