/**
 * The coarse-grained NTK of 001 eq. 19–20, Γᵢⱼ,ₐᵦ = δᵢⱼ(g₁δₐᵦ + g₂(1 − δₐᵦ)), and what the particle
 * model does with it: the velocity eq. 25 (the O(N²) double sum) and its O(N) form eq. 26, the
 * normalisation g₁ + g₂(N − 1) = N of App. A, and the gradient regulariser eq. 28/29.
 */
import { matrix, type Matrix } from '../../linalg/matrix.ts';

export interface NtkCoupling {
  g1: number;
  g2: number;
}

/** App. A: φ = g₂/g₁ with g₁ + g₂(N − 1) = N (φ = 0 → g₁ = N; φ = 1 → g₁ = g₂ = 1). */
export function couplingFromRatio(phi: number, N: number): NtkCoupling {
  if (!(phi >= 0) || !Number.isFinite(phi)) throw new RangeError(`couplingFromRatio: phi must be a non-negative finite number, got ${phi}`);
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`couplingFromRatio: N must be a positive integer, got ${N}`);
  const g1 = N / (1 + phi * (N - 1));
  return { g1, g2: phi * g1 };
}

/** The N×N Gram matrix g₁δₐᵦ + g₂(1 − δₐᵦ) (one data coordinate; eq. 20 is this ⊗ I_d). */
export function couplingGram(c: NtkCoupling, N: number): Matrix {
  const G = matrix(N, N);
  for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) G.data[a * N + b] = a === b ? c.g1 : c.g2;
  return G;
}

/**
 * eq. 26: vₐ = α_G((g₁ − g₂)/N ∇D(Xₐ) + g₂⟨∇D⟩). grad is row-major N×d; writes out (N×d). O(N d).
 */
export function coupledVelocity(c: NtkCoupling, alphaG: number, grad: Float64Array, N: number, d: number, out = new Float64Array(N * d)): Float64Array {
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let a = 0; a < N; a++) mean += grad[a * d + j]!;
    mean /= N;
    for (let a = 0; a < N; a++) out[a * d + j] = alphaG * (((c.g1 - c.g2) / N) * grad[a * d + j]! + c.g2 * mean);
  }
  return out;
}

/** eq. 25 literally: vₐⁱ = (α_G/N) Σ_{b,j} Γⁱʲₐᵦ ∇ⱼD(X_b), with the full 4-index Γ. O(N² d²). */
export function coupledVelocityDirect(c: NtkCoupling, alphaG: number, grad: Float64Array, N: number, d: number): Float64Array {
  const out = new Float64Array(N * d);
  for (let a = 0; a < N; a++) {
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let b = 0; b < N; b++) {
        for (let j = 0; j < d; j++) {
          const gamma = i === j ? (a === b ? c.g1 : c.g2) : 0;
          s += gamma * grad[b * d + j]!;
        }
      }
      out[a * d + i] = (alphaG / N) * s;
    }
  }
  return out;
}

/** eq. 28 literally: (β/N²) Σₐᵦ ∇D(Xₐ)ᵀ Γₐᵦ ∇D(X_b). O(N² d). */
export function regularizerDirect(c: NtkCoupling, beta: number, grad: Float64Array, N: number, d: number): number {
  let s = 0;
  for (let a = 0; a < N; a++) {
    for (let b = 0; b < N; b++) {
      const g = a === b ? c.g1 : c.g2;
      let dot = 0;
      for (let j = 0; j < d; j++) dot += grad[a * d + j]! * grad[b * d + j]!;
      s += g * dot;
    }
  }
  return (beta / (N * N)) * s;
}

/** eq. 29: β(g₂|⟨∇D⟩|² + (g₁ − g₂)/N ⟨|∇D|²⟩). O(N d). */
export function regularizerReduced(c: NtkCoupling, beta: number, grad: Float64Array, N: number, d: number): number {
  let meanSq = 0;
  let sqMean = 0;
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (let a = 0; a < N; a++) {
      m += grad[a * d + j]!;
      sqMean += grad[a * d + j]! * grad[a * d + j]!;
    }
    m /= N;
    meanSq += m * m;
  }
  sqMean /= N;
  return beta * (c.g2 * meanSq + ((c.g1 - c.g2) / N) * sqMean);
}
