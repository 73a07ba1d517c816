/**
 * A user's own shallow ReLU GAN of 000 §4–5 (what `--impl shallow-relu-gan=./correct-gan.ts` loads),
 * written independently of the built-in one, sample by sample as a textbook backprop: pre-activations
 * a_i = w_iᵀx + b_i, outputs h_j = Σ_i V_ji ReLU(a_i) + c_j, then the chain rule back through
 * ReLU′(a) = 1[a > 0]. The GAN losses are the batch means of softplus terms, their output gradients
 * sigmoid(·)/B, and the optimizer is RMSProp(γ) with SGD at γ = 1.
 *
 * The named exports are the building blocks; the buggy-*.ts files reuse them and change one.
 */
import type { shallowReluGan } from 'gan-claims';

type ShallowNet = shallowReluGan.ShallowNet;
type OptimizerSpec = shallowReluGan.OptimizerSpec;
type Optimizer = shallowReluGan.Optimizer;

export const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
export const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** Pre-activations of one input x (length d). */
function preActivations(net: ShallowNet, x: Float64Array): Float64Array {
  const a = new Float64Array(net.H);
  for (let i = 0; i < net.H; i++) {
    let s = net.b[i]!;
    for (let k = 0; k < net.d; k++) s += net.W[i * net.d + k]! * x[k]!;
    a[i] = s;
  }
  return a;
}

export function forward(net: ShallowNet, X: Float64Array, n: number): Float64Array {
  const { d, H, D, V, c } = net;
  const Y = new Float64Array(n * D);
  for (let s = 0; s < n; s++) {
    const a = preActivations(net, X.subarray(s * d, (s + 1) * d));
    for (let j = 0; j < D; j++) {
      let y = c[j]!;
      for (let i = 0; i < H; i++) if (a[i]! > 0) y += V[j * H + i]! * a[i]!;
      Y[s * D + j] = y;
    }
  }
  return Y;
}

/** ReLU′ at a pre-activation (the kink itself counts as inactive). */
export const reluPrime = (a: number) => (a > 0 ? 1 : 0);

export function backward(net: ShallowNet, X: Float64Array, n: number, gY: Float64Array, relu1 = reluPrime): { gTheta: Float64Array; gX: Float64Array } {
  const { d, H, D, W, V } = net;
  const gTheta = new Float64Array(net.theta.length);
  const gX = new Float64Array(n * d);
  // θ = [W (H×d), b (H), V (D×H), c (D)].
  const oB = H * d;
  const oV = oB + H;
  const oC = oV + D * H;
  for (let s = 0; s < n; s++) {
    const x = X.subarray(s * d, (s + 1) * d);
    const a = preActivations(net, x);
    for (let j = 0; j < D; j++) gTheta[oC + j] += gY[s * D + j]!;
    for (let i = 0; i < H; i++) {
      let gA = 0; // ∂L/∂a_i
      for (let j = 0; j < D; j++) {
        const gy = gY[s * D + j]!;
        gTheta[oV + j * H + i] += gy * Math.max(a[i]!, 0);
        gA += gy * V[j * H + i]!;
      }
      gA *= relu1(a[i]!);
      gTheta[oB + i] += gA;
      for (let k = 0; k < d; k++) {
        gTheta[i * d + k] += gA * x[k]!;
        gX[s * d + k] += gA * W[i * d + k]!;
      }
    }
  }
  return { gTheta, gX };
}

export function discriminatorLossGrad(G: ShallowNet, D: ShallowNet, Xr: Float64Array, Z: Float64Array, B: number) {
  const Xf = forward(G, Z, B);
  const real = forward(D, Xr, B);
  const fake = forward(D, Xf, B);
  let loss = 0;
  const gReal = new Float64Array(B);
  const gFake = new Float64Array(B);
  for (let s = 0; s < B; s++) {
    loss += (softplus(-real[s]!) + softplus(fake[s]!)) / B;
    gReal[s] = -sigmoid(-real[s]!) / B; // d softplus(−t)/dt = −σ(−t)
    gFake[s] = sigmoid(fake[s]!) / B;
  }
  const grad = backward(D, Xr, B, gReal).gTheta;
  const gf = backward(D, Xf, B, gFake).gTheta;
  for (let i = 0; i < grad.length; i++) grad[i] += gf[i]!;
  return { loss, grad };
}

export function generatorLossGrad(G: ShallowNet, D: ShallowNet, Z: Float64Array, B: number) {
  const Xf = forward(G, Z, B);
  const fake = forward(D, Xf, B);
  let loss = 0;
  const gOut = new Float64Array(B);
  for (let s = 0; s < B; s++) {
    loss += softplus(-fake[s]!) / B;
    gOut[s] = -sigmoid(-fake[s]!) / B;
  }
  const gXf = backward(D, Xf, B, gOut).gX; // ∂L_G/∂G(z), D fixed
  return { loss, grad: backward(G, Z, B, gXf).gTheta };
}

export function optimizer(spec: OptimizerSpec, size: number): Optimizer {
  const { lr, gamma } = spec;
  const eps = spec.eps ?? 1e-8;
  const ms = new Float64Array(size); // running mean of g², s₀ = 0
  return {
    spec,
    step(theta, g) {
      for (let i = 0; i < theta.length; i++) {
        if (gamma === 1) {
          theta[i] -= lr * g[i]!;
          continue;
        }
        ms[i] = gamma * ms[i]! + (1 - gamma) * g[i]! * g[i]!;
        theta[i] -= (lr * g[i]!) / (Math.sqrt(ms[i]!) + eps);
      }
    },
  };
}

const impl: shallowReluGan.ShallowReluGan = { forward, backward: (net, X, n, gY) => backward(net, X, n, gY), discriminatorLossGrad, generatorLossGrad, optimizer };

export default impl;
