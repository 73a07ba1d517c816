/**
 * One isolated region V_i (002 §2–4): excess mass Δᵢ (eq. 15), the equilibria of the region system
 * (11)–(12), and their linearisation.
 *
 * Equilibrium. With the generated points fixed at x̃ⱼ*, eq. (5) has the unique fixed point
 *   f*(x) = (1/λ) (pᵢ K(x, xᵢ) − Σⱼ p̃ⱼ K(x, x̃ⱼ*))            (λ > 0: f ↦ (1−η_dλ)f + η_d(·) contracts)
 * and the generator is at rest iff ∇f*(x̃ⱼ*) = 0 for all j. Theorem 1's equilibrium x̃ⱼ* = xᵢ gives
 * f* = (Δᵢ/λ) K(·, xᵢ), i.e. θ* = (Δᵢ/λ) a(xᵢ), at rest by Assumption 1 (∇K(xᵢ, xᵢ) = 0).
 *
 * Linearisation. Perturbations δf of f* enter the generator only through their gradients at the
 * equilibrium points, so with probe points y_q (the distinct x̃ⱼ*, q = π(j)) and g_q = ∇δf(y_q) the
 * first-order dynamics close on (g, δx):
 *   g_q′  = (1 − η_dλ) g_q − η_d Σⱼ p̃ⱼ ∇ₓ∇ₓ′K(y_q, x̃ⱼ*) δx̃ⱼ
 *   δx̃ⱼ′ = δx̃ⱼ + η_g p̃ⱼ (∇²f*(x̃ⱼ*) δx̃ⱼ + g_π(j))                (simultaneous, eq. 9)
 * i.e. J = I + η_d M with M the continuous-time generator (μ = η_g/η_d). The components of δθ that
 * no probe sees decay by (1 − η_dλ) and never reach the generator (they add eigenvalue 1 − η_dλ).
 * For the alternating scheme (11b) the generator uses g′ instead of g.
 */
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import { row, type Scheme } from './types.ts';

export interface RegionEquilibrium {
  d: number;
  /** The true point(s): one region has one; the global system of Corollary 1 has all Nr (Nr×d). */
  trueX: Float64Array;
  p: Float64Array;
  /** Equilibrium positions x̃ⱼ*, n×d row-major. */
  xs: Float64Array;
  pTilde: Float64Array;
  lambda: number;
}

/** Δᵢ = pᵢ − Σ_{j∈Nᵢ} p̃ⱼ (eq. 15). */
export function excessMass(pi: number, pTilde: ArrayLike<number>): number {
  if (!(pi > 0) || !Number.isFinite(pi)) throw new RangeError(`excessMass: pi must be finite and positive, got ${pi}`);
  let s = 0;
  for (let j = 0; j < pTilde.length; j++) {
    if (!(pTilde[j]! > 0)) throw new RangeError(`excessMass: pTilde[${j}] must be positive, got ${pTilde[j]}`);
    s += pTilde[j]!;
  }
  return pi - s;
}

/** Theorem 1's equilibrium: every generated point of the region at xᵢ. */
export function thm1Equilibrium(xi: Float64Array, pi: number, pTilde: Float64Array, lambda: number): RegionEquilibrium {
  if (!(lambda > 0)) throw new RangeError(`thm1Equilibrium: lambda must be positive, got ${lambda}`);
  const d = xi.length;
  const xs = new Float64Array(pTilde.length * d);
  for (let j = 0; j < pTilde.length; j++) xs.set(xi, j * d);
  return { d, trueX: Float64Array.from(xi), p: Float64Array.of(pi), xs, pTilde, lambda };
}

/** θᵢ* = (Δᵢ/λ) a(xᵢ) for a feature map (the unique equilibrium parameter of (12) in the range of Pᵢ). */
export function thm1ThetaStar(features: (x: Float64Array, out: Float64Array) => Float64Array, size: number, xi: Float64Array, delta: number, lambda: number): Float64Array {
  if (!(lambda > 0)) throw new RangeError(`thm1ThetaStar: lambda must be positive, got ${lambda}`);
  const th = features(xi, new Float64Array(size));
  for (let f = 0; f < size; f++) th[f] *= delta / lambda;
  return th;
}

/** f* of an equilibrium configuration: value, gradient and Hessian. */
export function equilibriumDiscriminator(kernel: FullKernel, eq: RegionEquilibrium) {
  const { d, trueX, p, xs, pTilde, lambda } = eq;
  const n = pTilde.length;
  const nr = p.length;
  const tmp = new Float64Array(d);
  return {
    value(x: Float64Array): number {
      let s = 0;
      for (let i = 0; i < nr; i++) s += p[i]! * kernel.k(x, row(trueX, i, d));
      for (let l = 0; l < n; l++) s -= pTilde[l]! * kernel.k(x, row(xs, l, d));
      return s / lambda;
    },
    grad(x: Float64Array, out = new Float64Array(d)): Float64Array {
      out.fill(0);
      for (let i = 0; i < nr; i++) {
        kernel.gradX(x, row(trueX, i, d), tmp);
        for (let a = 0; a < d; a++) out[a] += p[i]! * tmp[a]!;
      }
      for (let l = 0; l < n; l++) {
        kernel.gradX(x, row(xs, l, d), tmp);
        for (let a = 0; a < d; a++) out[a] -= pTilde[l]! * tmp[a]!;
      }
      for (let a = 0; a < d; a++) out[a] /= lambda;
      return out;
    },
    hess(x: Float64Array): Matrix {
      const H = matrix(d, d);
      for (let i = 0; i < nr; i++) {
        const Hi = kernel.hessXX(x, row(trueX, i, d)).data;
        for (let a = 0; a < d * d; a++) H.data[a] += p[i]! * Hi[a]!;
      }
      for (let l = 0; l < n; l++) {
        const Hl = kernel.hessXX(x, row(xs, l, d)).data;
        for (let a = 0; a < d * d; a++) H.data[a] -= pTilde[l]! * Hl[a]!;
      }
      for (let a = 0; a < d * d; a++) H.data[a] /= lambda;
      return H;
    },
  };
}

/** max_j ‖∇f*(x̃ⱼ*)‖: zero at an equilibrium. */
export function equilibriumResidual(kernel: FullKernel, eq: RegionEquilibrium): number {
  const fs = equilibriumDiscriminator(kernel, eq);
  let r = 0;
  for (let j = 0; j < eq.pTilde.length; j++) r = Math.max(r, Math.hypot(...fs.grad(row(eq.xs, j, eq.d))));
  return r;
}

/** Distinct equilibrium positions (probe points) and the probe index of each generated point. */
export function probePoints(eq: RegionEquilibrium): { probes: Float64Array[]; of: Int32Array } {
  const { d, xs, pTilde } = eq;
  const probes: Float64Array[] = [];
  const of = new Int32Array(pTilde.length);
  for (let j = 0; j < pTilde.length; j++) {
    const xj = row(xs, j, d);
    let q = probes.findIndex((y) => y.every((v, a) => v === xj[a]));
    if (q < 0) {
      q = probes.length;
      probes.push(Float64Array.from(xj));
    }
    of[j] = q;
  }
  return { probes, of };
}

/**
 * The reduced one-step Jacobian on (g, δx̃) at an equilibrium (see the header), for step η_d and
 * μ = η_g/η_d. With scheme 'simultaneous' it equals I + η_d M(μ).
 */
export function reducedJacobian(kernel: FullKernel, eq: RegionEquilibrium, etaD: number, mu: number, scheme: Scheme = 'simultaneous'): Matrix {
  const { d, pTilde, lambda } = eq;
  const n = pTilde.length;
  const { probes, of } = probePoints(eq);
  const Q = probes.length;
  const N = (Q + n) * d;
  const J = matrix(N, N);
  const A = J.data;
  const etaG = mu * etaD;
  const fs = equilibriumDiscriminator(kernel, eq);
  // g rows
  for (let q = 0; q < Q; q++) {
    for (let a = 0; a < d; a++) A[(q * d + a) * N + q * d + a] = 1 - etaD * lambda;
    for (let j = 0; j < n; j++) {
      const G = kernel.hessXY(probes[q]!, row(eq.xs, j, d)).data;
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) A[(q * d + a) * N + (Q + j) * d + b] = -etaD * pTilde[j]! * G[a * d + b]!;
    }
  }
  // δx rows
  for (let j = 0; j < n; j++) {
    const Hf = fs.hess(row(eq.xs, j, d)).data;
    const r0 = (Q + j) * d;
    const c = etaG * pTilde[j]!;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) A[(r0 + a) * N + r0 + b] = (a === b ? 1 : 0) + c * Hf[a * d + b]!;
      if (scheme === 'simultaneous') {
        A[(r0 + a) * N + of[j]! * d + a] += c;
      } else {
        // + η_g p̃ⱼ g′_π(j), g′ = the g rows above
        const gr = of[j]! * d + a;
        for (let k = 0; k < N; k++) A[(r0 + a) * N + k] += c * A[gr * N + k]!;
      }
    }
  }
  return J;
}

/** The continuous-time generator M = (J_sim − I)/η_d, independent of η_d. */
export function reducedGenerator(kernel: FullKernel, eq: RegionEquilibrium, mu: number): Matrix {
  const J = reducedJacobian(kernel, eq, 1, mu, 'simultaneous');
  for (let i = 0; i < J.rows; i++) J.data[i * J.cols + i] -= 1;
  return J;
}
