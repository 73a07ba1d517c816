/**
 * The Dirac-GAN: generator G_θ(z) = θ, data δ(0), linear discriminator D(x) = ψ·x.
 *
 * Two systems, both as vector fields over the state [θ, ψ] (generator first):
 * - 001 App. E (eq. E1–E2), the gradient-regularised continuous-time system:
 *     θ̇ = φ,  φ̇ = −θ − βφ        (regulariser β|∇_θ D|²/2 = βφ²/2)
 * - Mescheder et al. 2018 (cited as [38] in 001, [19] in 002), with loss function f:
 *     v(θ, ψ) = (−ψ f′(θψ),  θ f′(θψ) − γψ)
 *   f(t) = −log(1 + e^{−t}) for the standard GAN (f′(0) = 1/2), f(t) = t for the WGAN-style
 *   linear loss (f′(0) = 1); γ > 0 is the R1 gradient penalty (γ/2)ψ², γ = 0 unregularised.
 *
 * `DiracGan` is the interface a user may re-implement (`--impl dirac-gan=./file.ts`): every
 * dirac.* claim reads the system through it and checks it against closed forms.
 */
import type { VectorField } from '../../integrators/vector-field.ts';

export type DiracLoss = 'gan' | 'wgan';

export interface DiracGan {
  /** 001 App. E, eq. E1–E2: writes (θ̇, φ̇) = (φ, −θ − βφ). */
  regularizedField(beta: number): VectorField;
  /** Mescheder's Dirac-GAN gradient field for loss `loss` and R1 penalty γ ≥ 0. */
  ganField(loss: DiracLoss, gamma: number): VectorField;
}

/** f′ of the two loss functions; f′(t) = 1/(1 + eᵗ) written to stay finite for large |t|. */
export function lossDerivative(loss: DiracLoss): (t: number) => number {
  if (loss === 'wgan') return () => 1;
  if (loss === 'gan') return (t) => (t >= 0 ? Math.exp(-t) / (1 + Math.exp(-t)) : 1 / (1 + Math.exp(t)));
  throw new RangeError(`lossDerivative: loss must be 'gan' or 'wgan', got ${String(loss)}`);
}

function assertParam(name: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`${name} must be a finite number ≥ 0, got ${v}`);
}

export const diracGan: DiracGan = {
  regularizedField(beta) {
    assertParam('beta', beta);
    return (x, out) => {
      out[0] = x[1]!;
      out[1] = -x[0]! - beta * x[1]!;
    };
  },
  ganField(loss, gamma) {
    assertParam('gamma', gamma);
    const fp = lossDerivative(loss);
    return (x, out) => {
      const theta = x[0]!;
      const psi = x[1]!;
      const d = fp(theta * psi);
      out[0] = -psi * d;
      out[1] = theta * d - gamma * psi;
    };
  },
};
