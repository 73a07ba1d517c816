/**
 * Approximate mode collapse (002 Thm 2): equilibria of one region with several generated points
 * near, not at, the true point. Equilibria solve ∇f*(x̃ⱼ*) = 0 for all j, f* as in region.ts; we
 * find them by Gauss–Newton from symmetric starts (points on a sphere of radius r·σ around xᵢ in
 * the pattern of a regular polytope). For the RBF the equations are invariant under x ↦ xᵢ + σz,
 * so a configuration found at σ = 1 scales exactly to any σ.
 *
 * For a rotation-invariant kernel every equilibrium with a point off xᵢ lies on a continuous orbit
 * of equilibria (rotations about xᵢ, d ≥ 2), so its Jacobian has eigenvalue exactly 1 in the orbit's
 * tangent directions; `rotationTangents` gives those vectors in the reduced coordinates (g, δx̃).
 */
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { jacobianFD } from '../../linalg/jacobian-fd.ts';
import { solve } from '../../linalg/lu.ts';
import { matrix } from '../../linalg/matrix.ts';
import { equilibriumDiscriminator, probePoints, type RegionEquilibrium } from './region.ts';
import { row } from './types.ts';

/**
 * Symmetric n-point starting patterns in ℝᵈ (unit radius): the tabulated polytope of n vertices,
 * and the polytope of n − 1 vertices plus a point at the centre.
 */
export function symmetricPatterns(d: number, n: number): number[][][] {
  const out: number[][][] = [];
  const full = polytopeDirections(d, n);
  if (full) out.push(full);
  const shell = n >= 3 ? polytopeDirections(d, n - 1) : null;
  if (shell && !shell.some((v) => v.every((x) => x === 0))) out.push([...shell, new Array(d).fill(0)]);
  return out;
}

/** Unit directions of symmetric n-point patterns in ℝᵈ (null if none is tabulated). */
export function polytopeDirections(d: number, n: number): number[][] | null {
  if (d === 1) return n === 2 ? [[1], [-1]] : null;
  if (d === 2) return n >= 2 ? Array.from({ length: n }, (_, j) => [Math.cos((2 * Math.PI * j) / n), Math.sin((2 * Math.PI * j) / n)]) : null;
  if (d !== 3) return null;
  const s3 = 1 / Math.sqrt(3);
  const table: Record<number, number[][]> = {
    2: [[0, 0, 1], [0, 0, -1]],
    3: [0, 1, 2].map((j) => [Math.cos((2 * Math.PI * j) / 3), Math.sin((2 * Math.PI * j) / 3), 0]),
    4: [[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]].map((v) => v.map((x) => x * s3)),
    5: [[0, 0, 1], [0, 0, -1], ...[0, 1, 2].map((j) => [Math.cos((2 * Math.PI * j) / 3), Math.sin((2 * Math.PI * j) / 3), 0])],
    6: [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]],
    7: [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1], [0, 0, 0]],
    8: [[1, 1, 1], [1, 1, -1], [1, -1, 1], [1, -1, -1], [-1, 1, 1], [-1, 1, -1], [-1, -1, 1], [-1, -1, -1]].map((v) => v.map((x) => x * s3)),
  };
  return table[n] ?? null;
}

/** Gauss–Newton (FD Jacobian, tiny Levenberg damping) on ∇f*(x̃ⱼ) = 0 from the positions in eq.xs. */
export function solveEquilibrium(kernel: FullKernel, eq0: RegionEquilibrium, iters = 60): { eq: RegionEquilibrium; residual: number } {
  const { d, pTilde } = eq0;
  const n = pTilde.length;
  const N = n * d;
  const F = (y: Float64Array) => {
    const fs = equilibriumDiscriminator(kernel, { ...eq0, xs: y });
    const out = new Float64Array(N);
    for (let j = 0; j < n; j++) out.set(fs.grad(row(y, j, d)), j * d);
    return out;
  };
  let x = Float64Array.from(eq0.xs);
  let r = F(x);
  let res = Math.hypot(...r);
  for (let it = 0; it < iters && res > 1e-15; it++) {
    const J = jacobianFD(F, x);
    const A = matrix(N, N);
    const b = new Float64Array(N);
    let diag = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < N; k++) s += J.data[k * N + i]! * J.data[k * N + j]!;
        A.data[i * N + j] = s;
      }
      diag = Math.max(diag, A.data[i * N + i]!);
      let s = 0;
      for (let k = 0; k < N; k++) s += J.data[k * N + i]! * r[k]!;
      b[i] = s;
    }
    for (let i = 0; i < N; i++) A.data[i * N + i] += 1e-12 * diag;
    const dx = solve(A, b);
    const xn = x.map((v, i) => v - dx[i]!);
    const rn = F(xn);
    const resn = Math.hypot(...rn);
    if (!(resn < res)) break;
    x = xn;
    r = rn;
    res = resn;
  }
  return { eq: { ...eq0, xs: x }, residual: res };
}

/**
 * Tangents of the rotation orbit of an equilibrium about xᵢ (trueX[0]), in reduced coordinates
 * (g_q, δx̃ⱼ): δx̃ⱼ = A(x̃ⱼ* − xᵢ), g_q = −∇²f*(y_q) A (y_q − xᵢ), one per basis generator A of so(d).
 */
export function rotationTangents(kernel: FullKernel, eq: RegionEquilibrium): Float64Array[] {
  const { d, pTilde, trueX } = eq;
  const n = pTilde.length;
  const { probes } = probePoints(eq);
  const Q = probes.length;
  const fs = equilibriumDiscriminator(kernel, eq);
  const out: Float64Array[] = [];
  for (let a = 0; a < d; a++) {
    for (let b = a + 1; b < d; b++) {
      const rot = (v: Float64Array) => {
        const w = new Float64Array(d);
        w[a] = -(v[b]! - trueX[b]!);
        w[b] = v[a]! - trueX[a]!;
        return w;
      };
      const vec = new Float64Array((Q + n) * d);
      probes.forEach((y, q) => {
        const H = fs.hess(y).data;
        const ay = rot(y);
        for (let i = 0; i < d; i++) {
          let s = 0;
          for (let k = 0; k < d; k++) s += H[i * d + k]! * ay[k]!;
          vec[q * d + i] = -s;
        }
      });
      for (let j = 0; j < n; j++) vec.set(rot(row(eq.xs, j, d)), (Q + j) * d);
      if (Math.hypot(...vec) > 0) out.push(vec);
    }
  }
  return out;
}
