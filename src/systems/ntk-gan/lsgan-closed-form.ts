/**
 * 004 "LSGAN Discriminator", infinite width: fₜ = exp(−4t·T_{k,γ̂})(f₀ − ρ) + ρ.
 * On supp γ̂, T is the matrix A = K·W, so fₜ = e^{−4tA}(f₀ − ρ) + ρ there. Off the support,
 * fₜ(u) = f₀(u) + (T ∫₀ᵗ ∇^{γ̂}L(f_s) ds)(u) = f₀(u) − 4·k_uᵀ W ∫₀ᵗ e^{−4sA} ds (f₀ − ρ),
 * with ∫₀ᵗ e^{Ms} ds read off the top-right block of exp([[M, I], [0, 0]]·t) (Van Loan 1978), so no
 * inverse of A is needed (A may be singular).
 *
 * ρ is an input: which values the flow converges to depends on the sign convention of the loss
 * (see src/claims/ntk/lsgan-closed-form.ts).
 */
import type { Kernel } from '../../kernels/kernel.ts';
import { matrix } from '../../linalg/matrix.ts';
import { expm } from '../../linalg/index.ts';
import type { TrainingMeasure } from './training-measure.ts';
import { crossGram, gramMatrix } from './gram.ts';
import { integralOperatorMatrix } from './integral-operator.ts';

export interface LsganClosedForm {
  support: Float64Array;
  at: Float64Array;
}

export function lsganClosedForm(
  kernel: Kernel,
  gamma: TrainingMeasure,
  rho: Float64Array,
  f0Support: Float64Array,
  t: number,
  us: readonly Float64Array[] = [],
  f0Us: Float64Array = new Float64Array(0),
): LsganClosedForm {
  const N = gamma.points.length;
  if (rho.length !== N || f0Support.length !== N) throw new RangeError(`lsganClosedForm: rho and f0Support must have ${N} values`);
  if (f0Us.length !== us.length) throw new RangeError(`lsganClosedForm: f0Us must have one value per point of us (${us.length})`);
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`lsganClosedForm: t must be finite and ≥ 0, got ${t}`);
  const A = integralOperatorMatrix(gramMatrix(kernel, gamma.points), gamma.weights);
  // B = [[−4A·t, I·t], [0, 0]]; exp(B) = [[e^{−4tA}, ∫₀ᵗ e^{−4sA} ds], [0, I]].
  const B = matrix(2 * N, 2 * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) B.data[i * 2 * N + j] = -4 * t * A.data[i * N + j]!;
    B.data[i * 2 * N + N + i] = t;
  }
  const E = expm(B);
  const d0 = Float64Array.from(f0Support, (v, i) => v - rho[i]!);
  const support = new Float64Array(N);
  const integ = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    let q = 0;
    for (let j = 0; j < N; j++) {
      s += E.data[i * 2 * N + j]! * d0[j]!;
      q += E.data[i * 2 * N + N + j]! * d0[j]!;
    }
    support[i] = s + rho[i]!;
    integ[i] = q;
  }
  const C = crossGram(kernel, us, gamma.points);
  const at = new Float64Array(us.length);
  for (let u = 0; u < us.length; u++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += C.data[u * N + j]! * gamma.weights[j]! * integ[j]!;
    at[u] = f0Us[u]! - 4 * s;
  }
  return { support, at };
}
