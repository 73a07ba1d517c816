/**
 * Theorem 2 machinery: build a collapsed equilibrium (n generated points around one true point,
 * exact RBF) from a symmetric start, scale it to width σ, and classify its stability from the FD
 * Jacobian of the function-space one-step map, with or without quotienting the rotation orbit.
 */
import { rbfKernel } from '../../kernels/rbf.ts';
import { eig } from '../../linalg/eig.ts';
import { eigSym } from '../../linalg/eig-sym.ts';
import { matrix } from '../../linalg/matrix.ts';
import { matvec } from '../../linalg/arith.ts';
import {
  equilibriumResidual, functionSpaceJacobianFD, symmetricPatterns, reducedGenerator, rotationTangents, simultaneousStepBound, solveEquilibrium,
  type RegionEquilibrium,
} from '../../systems/isolated-points/index.ts';
import { ETA_FRACTION } from './thm1-common.ts';

/** Largest n with a stable (modulo rotations) collapsed equilibrium found by ipm.thm2.nmax, per d (some grid point). */
export const NMAX_FOUND: Record<number, number> = { 1: 3, 2: 4, 3: 7 };
/**
 * Largest n for which ipm.thm2.corrected finds one over the WHOLE generated parameter range
 * (d = 3, n = 7, octahedron + centre, is stable at pᵢ/Σp̃ = 0.8 but not at 0.5).
 */
export const NMAX_ROBUST: Record<number, number> = { 1: 3, 2: 4, 3: 6 };
/** Equilibrium residual ‖∇f*‖·σλ (dimensionless) accepted as solved. */
export const EQ_TOL = 1e-11;
/** An eigenvalue of the FD Jacobian this close to 1 counts as the exact rotation eigenvalue 1 (FD error ~1e-10). */
export const ROT_TOL = 1e-7;
/** ‖Jv − v‖/‖v‖ for a rotation tangent v (an exact eigenvector with eigenvalue 1). */
export const TANGENT_TOL = 1e-6;

export interface CollapseInstance {
  d: number;
  n: number;
  sigma: number;
  /** pᵢ/Σp̃ < 1 (Σp̃ = 1, equal masses 1/n). */
  ratio: number;
  lambda: number;
  /** μ/σ²: the linearisation at width σ with μ = μ̂σ² equals the one at σ = 1 with μ̂. */
  muHat: number;
}

/** Start radii (units of σ) of each symmetric pattern, tried in turn; the smallest off-centre solution wins. */
export const START_RADII = [0.3, 0.5, 0.8, 1.2];

export interface CollapseResult {
  found: boolean;
  residual: number;
  /** max ‖x̃ⱼ* − xᵢ‖/σ. */
  radiusOverSigma: number;
  rho: number;
  /** Spectral radius after removing the rotation eigenvalues (= rho when d = 1). */
  rhoModRotation: number;
  rotationDim: number;
  /** max ‖Jv − v‖/‖v‖ over rotation tangents v. */
  tangentErr: number;
  etaD: number;
  eq?: RegionEquilibrium;
}

export function collapsedEquilibrium(c: CollapseInstance): { eq: RegionEquilibrium; residual: number } | null {
  const xi = new Float64Array(c.d);
  let best: { eq: RegionEquilibrium; residual: number; rad: number } | null = null;
  for (const dirs of symmetricPatterns(c.d, c.n)) for (const r0 of START_RADII) {
    const start: RegionEquilibrium = {
      d: c.d, trueX: xi, p: Float64Array.of(c.ratio), xs: Float64Array.from(dirs.flat().map((v) => v * r0)),
      pTilde: new Float64Array(c.n).fill(1 / c.n), lambda: c.lambda,
    };
    // solve at σ = 1 (residual made dimensionless by λ), then scale: x̃* = xᵢ + σ z*
    const { eq, residual } = solveEquilibrium(rbfKernel(1), start);
    let rad = 0;
    for (let j = 0; j < c.n; j++) rad = Math.max(rad, Math.hypot(...eq.xs.subarray(j * c.d, (j + 1) * c.d)));
    if (residual * c.lambda <= EQ_TOL && rad > 1e-6 && (!best || rad < best.rad)) best = { eq, residual: residual * c.lambda, rad };
  }
  if (!best) return null;
  return { eq: { ...best.eq, xs: best.eq.xs.map((v) => v * c.sigma) }, residual: best.residual };
}

export function classifyCollapse(c: CollapseInstance): CollapseResult {
  const none: CollapseResult = { found: false, residual: NaN, radiusOverSigma: NaN, rho: NaN, rhoModRotation: NaN, rotationDim: 0, tangentErr: NaN, etaD: NaN };
  const sol = collapsedEquilibrium(c);
  if (!sol) return { ...none, residual: Infinity };
  const K = rbfKernel(c.sigma);
  const { eq } = sol;
  // residual at width σ, made dimensionless (∇f* ~ 1/(σλ))
  const residual = equilibriumResidual(K, eq) * c.sigma * c.lambda;
  let rad = 0;
  for (let j = 0; j < c.n; j++) rad = Math.max(rad, Math.hypot(...eq.xs.subarray(j * c.d, (j + 1) * c.d)) / c.sigma);
  // all points on xᵢ is Theorem 1's equilibrium, not a collapse configuration
  if (!(residual <= EQ_TOL) || rad < 1e-6) return { ...none, residual, radiusOverSigma: rad };
  const mu = c.muHat * c.sigma * c.sigma;
  const { bound } = simultaneousStepBound(reducedGenerator(K, eq, mu), c.lambda);
  const etaD = ETA_FRACTION * bound;
  const J = functionSpaceJacobianFD(K, eq, etaD, mu);
  const tangents = rotationTangents(K, eq);
  let tangentErr = 0;
  for (const v of tangents) {
    const Jv = matvec(J, v);
    tangentErr = Math.max(tangentErr, Math.hypot(...Jv.map((x, i) => x - v[i]!)) / Math.hypot(...v));
  }
  // rank of the tangent set (collinear configurations have fewer independent rotations)
  const T = tangents.length;
  const G = matrix(T, T);
  for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) G.data[a * T + b] = tangents[a]!.reduce((s, x, i) => s + x * tangents[b]![i]!, 0);
  const gv = T ? eigSym(G).values : new Float64Array(0);
  const gmax = T ? gv[T - 1]! : 0;
  const rotationDim = Array.from(gv).filter((v) => v > 1e-12 * gmax).length;
  const { re, im } = eig(J);
  const mods = Array.from(re, (r, i) => Math.hypot(r, im[i]!));
  const dist1 = Array.from(re, (r, i) => Math.hypot(r - 1, im[i]!));
  const order = dist1.map((_, i) => i).sort((a, b) => dist1[a]! - dist1[b]!);
  const removed = new Set(order.slice(0, rotationDim).filter((i) => dist1[i]! <= ROT_TOL));
  const rho = Math.max(...mods);
  const rest = mods.filter((_, i) => !removed.has(i));
  const rhoModRotation = removed.size === rotationDim ? Math.max(...rest) : Infinity;
  return { found: true, residual, radiusOverSigma: rad, rho, rhoModRotation, rotationDim, tangentErr, etaD, eq };
}
