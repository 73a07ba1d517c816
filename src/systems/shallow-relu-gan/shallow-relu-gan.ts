/**
 * The shallow ReLU GAN of 000 §4–5, as the object a reader of the paper would write:
 *
 * - the network of Def. 2 (plus an output bias), h(x) = Σ_i v_i ReLU(w_iᵀx + b_i) + c, x ∈ ℝᵈ,
 *   h(x) ∈ ℝᴰ, width H, parameters θ = [W (H×d), b (H), V (D×H), c (D)] flat and row-major
 *   (`ShallowNet` views them; build one with `shallowNet(d, H, D, theta)`);
 * - its backward pass (vector–Jacobian products, ∂ReLU(a)/∂a = 1[a > 0]);
 * - the §5.1 losses on a batch of B, L_D = mean_s softplus(−D(x_s)) + mean_s softplus(D(G(z_s))) and
 *   the non-saturating L_G = mean_s softplus(−D(G(z_s))), with their gradients;
 * - one optimizer step, RMSProp(γ) (Tieleman & Hinton 2012): s ← γs + (1 − γ)g², θ ← θ − lr·g/(√s + ε),
 *   s₀ = 0; γ = 1 is SGD, θ ← θ − lr·g (the paper's "γ = 1 … SGD", §5.1).
 *
 * `ShallowReluGan` is what a user may re-implement (`--impl shallow-relu-gan=./file.ts`): ib.spline-reparam
 * reads `forward` (against the spline form of eq. 2), ib.metrics reads `backward` (against the closed-form
 * Jacobian and NTK), ib.adaptivity.training-step reads `backward`, the losses and the optimizer (against
 * central differences of the forward pass and the RMSProp recurrence). All arrays are float64.
 */
import { backward, forward, netWork, type ShallowNet } from './net.ts';
import { discriminatorLossGrad, ganWork, generatorLossGrad } from './gan.ts';
import { optimizer, type Optimizer, type OptimizerSpec } from './optim.ts';

export interface ShallowReluGan {
  /** Y = h(X) for n inputs X (n×d, row-major); returns Y (n×D, row-major). */
  forward(net: ShallowNet, X: Float64Array, n: number): Float64Array;
  /**
   * For a scalar L of the outputs with ∂L/∂Y = gY (n×D): ∂L/∂θ (length of θ, θ's layout) and
   * ∂L/∂X (n×d), through ∂ReLU(a)/∂a = 1[a > 0].
   */
  backward(net: ShallowNet, X: Float64Array, n: number, gY: Float64Array): { gTheta: Float64Array; gX: Float64Array };
  /** L_D on real Xr (B×d_x) and latents Z (B×d_z), and ∂L_D/∂θ_D (G fixed). */
  discriminatorLossGrad(G: ShallowNet, D: ShallowNet, Xr: Float64Array, Z: Float64Array, B: number): { loss: number; grad: Float64Array };
  /** Non-saturating L_G on latents Z (B×d_z), and ∂L_G/∂θ_G (D fixed). */
  generatorLossGrad(G: ShallowNet, D: ShallowNet, Z: Float64Array, B: number): { loss: number; grad: Float64Array };
  /** A fresh RMSProp(γ) optimizer (SGD for γ = 1) over `size` parameters; `step(θ, g)` updates θ in place. */
  optimizer(spec: OptimizerSpec, size: number): Optimizer;
}

export const shallowReluGan: ShallowReluGan = {
  forward(net, X, n) {
    const Y = new Float64Array(n * net.D);
    forward(net, X, n, Y, netWork(net, n));
    return Y;
  },
  backward(net, X, n, gY) {
    const ws = netWork(net, n);
    forward(net, X, n, new Float64Array(n * net.D), ws);
    const gTheta = new Float64Array(net.theta.length);
    const gX = new Float64Array(n * net.d);
    backward(net, X, n, gY, ws, gTheta, gX);
    return { gTheta, gX };
  },
  discriminatorLossGrad(G, D, Xr, Z, B) {
    const grad = new Float64Array(D.theta.length);
    const loss = discriminatorLossGrad(G, D, Xr, Z, grad, ganWork(G, D, B));
    return { loss, grad };
  },
  generatorLossGrad(G, D, Z, B) {
    const grad = new Float64Array(G.theta.length);
    const loss = generatorLossGrad(G, D, Z, grad, ganWork(G, D, B));
    return { loss, grad };
  },
  optimizer,
};
