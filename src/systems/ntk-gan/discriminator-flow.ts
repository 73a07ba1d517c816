/**
 * The discriminator's function-space training flow of 004 ("Discriminator Training"):
 *   ∂ₜfₜ = T_{k,γ̂}( ∇^{γ̂} L_α̂(fₜ) ),
 * integrated numerically (RK4) on supp γ̂ and on any extra evaluation points. Constant NTK: the
 * kernel does not move, so the Gram matrices are computed once.
 *
 * ∇^{γ̂} is the gradient in L²(γ̂): the Riesz representer g with dL[h] = ⟨g, h⟩_{γ̂} = Σⱼ wⱼ gⱼ hⱼ.
 * For L = E_α̂ a∘f − E_β̂ b∘f this is gᵢ = a′(f(xᵢ))/(n·wᵢ) on the fakes and −b′(f(yⱼ))/(m·wⱼ) on the
 * targets; with γ̂ = (α̂ + β̂)/2 the weights are 1/(2n), 1/(2m), so g = 2a′ and −2b′. That factor 2
 * cancels the ½ inside T_{k,γ̂}: T∘∇^{γ̂} is the plain kernel gradient Σ_z k(·, z) ∂L/∂f(z), which is
 * what a network's parameter gradient flow produces (see finite-width.ts). Taking the Euclidean
 * gradient ∂L/∂f(z) with T_{k,γ̂} instead would halve every rate.
 */
import type { Kernel } from '../../kernels/kernel.ts';
import type { Matrix } from '../../linalg/matrix.ts';
import type { DiscriminatorLoss } from './losses.ts';
import type { TrainingMeasure } from './training-measure.ts';
import { crossGram, gramMatrix } from './gram.ts';
import { Rk4, type VectorField } from '../../integrators/index.ts';

/** ∇^{γ̂}L(f) on supp γ̂ (gamma.points order) from f's values there. */
export function functionSpaceGradient(loss: DiscriminatorLoss, gamma: TrainingMeasure, v: Float64Array, out = new Float64Array(v.length)): Float64Array {
  const { n, m, weights } = gamma;
  for (let i = 0; i < n; i++) out[i] = loss.da(v[i]!) / (n * weights[i]!);
  for (let j = 0; j < m; j++) out[n + j] = -loss.db(v[n + j]!) / (m * weights[n + j]!);
  return out;
}

export interface FlowResult {
  /** f_t on supp γ̂ (gamma.points order). */
  support: Float64Array;
  /** f_t at the extra evaluation points. */
  at: Float64Array;
  /** Set when some value left the finite range: the step at which it did. */
  divergedAtStep?: number;
}

export interface FlowOptions {
  /** Final time t ≥ 0. */
  t: number;
  /** RK4 steps (≥ 1). */
  steps: number;
  /** Extra evaluation points (off the support), with f₀ there. */
  us?: readonly Float64Array[];
  f0Us?: Float64Array;
}

/**
 * The flow as a vector field on the state [f on supp γ̂ (N values), f at the extra points (U values)]:
 * the velocity is T_{k,γ̂}(∇^{γ̂}L(f)) evaluated on the support (K·W·g) and at the extra points (C·W·g);
 * it depends on the support values only. Gram matrices are computed once (constant NTK).
 */
export function discriminatorFlowField(kernel: Kernel, gamma: TrainingMeasure, loss: DiscriminatorLoss, us: readonly Float64Array[] = []): VectorField {
  const K = gramMatrix(kernel, gamma.points);
  const C = crossGram(kernel, us, gamma.points);
  return fieldFromGrams(K, C, gamma, loss);
}

function fieldFromGrams(K: Matrix, C: Matrix, gamma: TrainingMeasure, loss: DiscriminatorLoss): VectorField {
  const N = gamma.points.length;
  const U = C.rows;
  const w = gamma.weights;
  const g = new Float64Array(N);
  const wg = new Float64Array(N);
  return (x, out) => {
    functionSpaceGradient(loss, gamma, x.subarray(0, N), g);
    for (let j = 0; j < N; j++) wg[j] = w[j]! * g[j]!;
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < N; j++) s += K.data[i * N + j]! * wg[j]!;
      out[i] = s;
    }
    for (let u = 0; u < U; u++) {
      let s = 0;
      for (let j = 0; j < N; j++) s += C.data[u * N + j]! * wg[j]!;
      out[N + u] = s;
    }
  };
}

/**
 * Numerical integration (classical RK4, src/integrators) of ∂ₜf = T_{k,γ̂}(∇^{γ̂}L(f)) from f₀ on supp γ̂.
 * `field` is the flow's right-hand side on [supp γ̂, o.us] (default: the built-in constant-NTK field
 * above; the claims pass the one of the `ntk-gan` system under test, see ntk-gan.ts).
 */
export function integrateDiscriminatorFlow(
  kernel: Kernel, gamma: TrainingMeasure, loss: DiscriminatorLoss, f0Support: Float64Array, o: FlowOptions,
  field?: VectorField,
): FlowResult {
  const N = gamma.points.length;
  if (f0Support.length !== N) throw new RangeError(`integrateDiscriminatorFlow: f0Support must have ${N} values, got ${f0Support.length}`);
  if (!(o.t >= 0) || !Number.isFinite(o.t)) throw new RangeError(`integrateDiscriminatorFlow: t must be finite and ≥ 0, got ${o.t}`);
  if (!Number.isInteger(o.steps) || o.steps < 1) throw new RangeError(`integrateDiscriminatorFlow: steps must be a positive integer, got ${o.steps}`);
  const us = o.us ?? [];
  const U = us.length;
  if ((o.f0Us?.length ?? 0) !== U) throw new RangeError(`integrateDiscriminatorFlow: f0Us must have one value per point of us (${U})`);
  const x = new Float64Array(N + U);
  x.set(f0Support);
  if (o.f0Us) x.set(o.f0Us, N);
  const result = (): FlowResult => ({ support: x.slice(0, N), at: x.slice(N) });
  if (o.t === 0) return result();
  const rk = new Rk4(field ?? discriminatorFlowField(kernel, gamma, loss, us), N + U);
  const h = o.t / o.steps;
  for (let step = 0; step < o.steps; step++) {
    rk.integrate(x, h, 1);
    for (let i = 0; i < N; i++) {
      if (!Number.isFinite(x[i]!)) return { ...result(), divergedAtStep: step + 1 };
    }
  }
  return result();
}
