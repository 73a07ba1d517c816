/**
 * Theorem 2 machinery: build a collapsed equilibrium (n generated points around one true point,
 * exact RBF) from a symmetric start, scale it to width σ, and classify its stability from the FD
 * Jacobian of the function-space one-step map, with or without quotienting the rotation orbit.
 * The RBF is the `kernel` system's K_σ and the map the `ipm` system's step (claims pass ctx's); the
 * analytic generator M of region.ts is the independent side.
 */
import { eig } from '../../linalg/eig.ts';
import { eigSym } from '../../linalg/eig-sym.ts';
import { matrix } from '../../linalg/matrix.ts';
import { matvec } from '../../linalg/arith.ts';
import {
  equilibriumResidual, functionSpaceJacobianFD, symmetricPatterns, reducedGenerator, rotationTangents, simultaneousStepBound, solveEquilibrium,
  type RegionEquilibrium,
} from '../../systems/isolated-points/index.ts';
import { ETA_FRACTION } from './thm1-common.ts';
import { BUILTIN_SYSTEMS, type IpmSystems } from './systems.ts';

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
  /** max ‖J_FD − (I + η_d M)‖ over entries: the FD Jacobian's error against the analytic generator M. */
  fdError: number;
  /** ‖J_FD − (I + η_d M)‖_F/‖J_FD‖_F: does the map that was run linearise to the analytic M at all? */
  fdRelErr: number;
  /** Half-width of the band around 1 inside which ρ modulo rotations is undecided (see boundaryTol). */
  boundaryTol: number;
  /** ρ modulo rotations of I + η_d M from the analytic M (the independent computation). */
  rhoModAnalytic: number;
  /** Largest real part of M's spectrum modulo rotations: > 0 means unstable for every step size. */
  maxReMod: number;
  eq?: RegionEquilibrium;
}

/**
 * Band around 1 within which a spectral radius read off the FD Jacobian cannot be classified: an
 * eigenvalue of a 2 × 2 Jordan block moves by √‖E‖ under a perturbation E, so the band is
 * BOUNDARY_FACTOR·√(FD error), and never below BOUNDARY_FLOOR (the 1e-12 rounding of ρ itself).
 * Seed 1 hit ρ = 1 "exactly" at μ/σ² = 0.0663 where η_d* ≈ 7e-8: every eigenvalue was 1 − O(1e-9).
 */
export const BOUNDARY_FACTOR = 10;
export const BOUNDARY_FLOOR = 1e-10;
export function boundaryTol(fdError: number): number {
  return Math.max(BOUNDARY_FLOOR, BOUNDARY_FACTOR * Math.sqrt(fdError));
}

export function collapsedEquilibrium(c: CollapseInstance, sys: IpmSystems = BUILTIN_SYSTEMS): { eq: RegionEquilibrium; residual: number } | null {
  const xi = new Float64Array(c.d);
  let best: { eq: RegionEquilibrium; residual: number; rad: number } | null = null;
  for (const dirs of symmetricPatterns(c.d, c.n)) for (const r0 of START_RADII) {
    const start: RegionEquilibrium = {
      d: c.d, trueX: xi, p: Float64Array.of(c.ratio), xs: Float64Array.from(dirs.flat().map((v) => v * r0)),
      pTilde: new Float64Array(c.n).fill(1 / c.n), lambda: c.lambda,
    };
    // solve at σ = 1 (residual made dimensionless by λ), then scale: x̃* = xᵢ + σ z*
    const { eq, residual } = solveEquilibrium(sys.kernel(1), start);
    let rad = 0;
    for (let j = 0; j < c.n; j++) rad = Math.max(rad, Math.hypot(...eq.xs.subarray(j * c.d, (j + 1) * c.d)));
    if (residual * c.lambda <= EQ_TOL && rad > 1e-6 && (!best || rad < best.rad)) best = { eq, residual: residual * c.lambda, rad };
  }
  if (!best) return null;
  return { eq: { ...best.eq, xs: best.eq.xs.map((v) => v * c.sigma) }, residual: best.residual };
}

export function classifyCollapse(c: CollapseInstance, sys: IpmSystems = BUILTIN_SYSTEMS): CollapseResult {
  const none: CollapseResult = { found: false, residual: NaN, radiusOverSigma: NaN, rho: NaN, rhoModRotation: NaN, rotationDim: 0, tangentErr: NaN, etaD: NaN, fdError: NaN, fdRelErr: NaN, boundaryTol: NaN, rhoModAnalytic: NaN, maxReMod: NaN };
  const sol = collapsedEquilibrium(c, sys);
  if (!sol) return { ...none, residual: Infinity };
  const K = sys.kernel(c.sigma);
  const { eq } = sol;
  // residual at width σ, made dimensionless (∇f* ~ 1/(σλ))
  const residual = equilibriumResidual(K, eq) * c.sigma * c.lambda;
  let rad = 0;
  for (let j = 0; j < c.n; j++) rad = Math.max(rad, Math.hypot(...eq.xs.subarray(j * c.d, (j + 1) * c.d)) / c.sigma);
  // all points on xᵢ is Theorem 1's equilibrium, not a collapse configuration
  if (!(residual <= EQ_TOL) || rad < 1e-6) return { ...none, residual, radiusOverSigma: rad };
  const mu = c.muHat * c.sigma * c.sigma;
  const M = reducedGenerator(K, eq, mu);
  const { bound } = simultaneousStepBound(M, c.lambda);
  const etaD = ETA_FRACTION * bound;
  const J = functionSpaceJacobianFD(K, eq, etaD, mu, 'simultaneous', undefined, sys.ipm);
  let fdError = 0;
  let err2 = 0;
  let norm2 = 0;
  for (let i = 0; i < J.rows; i++) for (let k = 0; k < J.cols; k++) {
    const e = Math.abs(J.data[i * J.cols + k]! - ((i === k ? 1 : 0) + etaD * M.data[i * M.cols + k]!));
    fdError = Math.max(fdError, e);
    err2 += e * e;
    norm2 += J.data[i * J.cols + k]! ** 2;
  }
  const fdRelErr = Math.sqrt(err2 / norm2);
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
  const removeRotations = (re: Float64Array, im: Float64Array, at: number, tol: number) => {
    const dist = Array.from(re, (r, i) => Math.hypot(r - at, im[i]!));
    const order = dist.map((_, i) => i).sort((a, b) => dist[a]! - dist[b]!);
    const removed = new Set(order.slice(0, rotationDim).filter((i) => dist[i]! <= tol));
    return { removed, ok: removed.size === rotationDim };
  };
  const mods = Array.from(re, (r, i) => Math.hypot(r, im[i]!));
  const rho = Math.max(...mods);
  const fd = removeRotations(re, im, 1, ROT_TOL);
  const rhoModRotation = fd.ok ? Math.max(...mods.filter((_, i) => !fd.removed.has(i))) : Infinity;
  // The same from the analytic generator: eigenvalues s of M, 1 + η_d s of the simultaneous map.
  const sM = eig(M);
  const scale = Math.max(...Array.from(sM.re, (r, i) => Math.hypot(r, sM.im[i]!)));
  const an = removeRotations(sM.re, sM.im, 0, 1e-9 * scale);
  const keep = Array.from(sM.re.keys()).filter((i) => !an.removed.has(i));
  const maxReMod = an.ok ? Math.max(...keep.map((i) => sM.re[i]!)) : Infinity;
  const rhoModAnalytic = an.ok ? Math.max(...keep.map((i) => Math.hypot(1 + etaD * sM.re[i]!, etaD * sM.im[i]!))) : Infinity;
  const tol = boundaryTol(fdError);
  return { found: true, residual, radiusOverSigma: rad, rho, rhoModRotation, rotationDim, tangentErr, etaD, fdError, fdRelErr, boundaryTol: tol, rhoModAnalytic, maxReMod, eq };
}
