/**
 * Optimizers over flat parameter vectors. RMSProp (Tieleman & Hinton 2012) with decay γ:
 *   s ← γ s + (1 − γ) g²,  θ ← θ − lr·g/(√s + ε),  s₀ = 0.
 * 000 §5 treats γ = 1 as the SGD-like end of the family; literally γ = 1 would freeze s at 0 and
 * divide by ε, so γ = 1 is implemented as plain SGD (θ ← θ − lr·g), the constant-preconditioner
 * limit the paper means.
 */
export interface OptimizerSpec {
  lr: number;
  /** RMSProp decay in (0, 1]; 1 = SGD. */
  gamma: number;
  eps?: number;
}

export interface Optimizer {
  readonly spec: OptimizerSpec;
  step(theta: Float64Array, grad: Float64Array): void;
}

export const RMSPROP_EPS = 1e-8;

export function optimizer(spec: OptimizerSpec, size: number): Optimizer {
  if (!(spec.lr > 0) || !Number.isFinite(spec.lr)) throw new RangeError(`optimizer: lr must be positive and finite, got ${spec.lr}`);
  if (!(spec.gamma > 0 && spec.gamma <= 1)) throw new RangeError(`optimizer: gamma must lie in (0, 1], got ${spec.gamma}`);
  const lr = spec.lr;
  if (spec.gamma === 1) {
    return { spec, step(theta, g) { for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i]!; } };
  }
  const gamma = spec.gamma;
  const eps = spec.eps ?? RMSPROP_EPS;
  const s = new Float64Array(size);
  return {
    spec,
    step(theta, g) {
      for (let i = 0; i < theta.length; i++) {
        const gi = g[i]!;
        const si = gamma * s[i]! + (1 - gamma) * gi * gi;
        s[i] = si;
        theta[i] -= (lr * gi) / (Math.sqrt(si) + eps);
      }
    },
  };
}
