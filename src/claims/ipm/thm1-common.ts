/**
 * Shared machinery of the Theorem 1 claims (002 Thm 1, Cor 1): a generated region instance, and
 * its stability decided by the spectral radius of the finite-difference Jacobian of the ACTUAL
 * one-step map at the equilibrium (18), not by the linearisation the proof uses.
 *
 * Kernels: 'rbf' = exact RBF (eq. 7), run in function space (eq. 5; reduced FD Jacobian on (g, δx̃),
 * see systems/isolated-points/fd-jacobian.ts); 'rff' = m paired random Fourier features, run in
 * parameter space (eq. 4, 12), FD Jacobian of the full map on [θ; x̃].
 *
 * "Sufficiently small η_d, μ fixed": η_d = ETA_FRACTION · η_d*, where η_d* = min over eigenvalues s
 * of the continuous-time generator M (and −λ) of 2|Re s|/|s|² is the exact stability bound of
 * the simultaneous map I + η_d M (systems/isolated-points/step-size.ts). As a guard, the verdict is
 * recomputed at η_d/8 and must agree.
 */
import fc from 'fast-check';
import { rbfKernel } from '../../kernels/rbf.ts';
import { drawRff } from '../../kernels/rff.ts';
import { featureKernel } from '../../kernels/finite-feature.ts';
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { jacobianFD } from '../../linalg/jacobian-fd.ts';
import { relFroError } from '../../linalg/norms.ts';
import { spectralRadius } from '../../linalg/spectral.ts';
import { Rng } from '../../random/rng.ts';
import {
  ParamSpaceIpm, excessMass, functionSpaceJacobianFD, kernelConstants, reducedGenerator, reducedJacobian,
  simultaneousStepBound, thm1Equilibrium, thm1ThetaStar, type KernelConstants, type RegionEquilibrium,
} from '../../systems/isolated-points/index.ts';
import { ensure } from '../assert.ts';

/** Fraction of the exact linearised bound η_d* used as "sufficiently small". */
export const ETA_FRACTION = 0.5;
/** Relative Frobenius error allowed between the analytic reduced Jacobian and the FD one (central differences, ~1e-10 seen). */
export const JAC_RTOL = 1e-6;
/**
 * |ρ − 1| below this cannot be told from FD rounding (FD Jacobian entries are good to ~1e-10 of the
 * O(1) identity part); generated instances keep margins well above it (smallest seen ~1e-6).
 */
export const RHO_RESOLUTION = 1e-9;
/**
 * Boundary instances (the theorem's own excluded cases, e.g. Δ = 0) are skipped, not judged: an
 * instance counts only when the linearised generator's max Re s is at least this fraction of its
 * largest |s|. Shrinking otherwise walks onto the boundary, where no finite computation decides.
 */
export const MARGIN_RTOL = 1e-3;

export interface Thm1Instance {
  kernel: 'rbf' | 'rff';
  d: number;
  /** RFF frequencies (ignored for rbf). */
  m: number;
  sigma: number;
  kseed: number;
  pTilde: number[];
  /** pᵢ, given as ratio · Σp̃ (ratio > 1 ⇔ Δ > 0). */
  ratio: number;
  lambda: number;
  mu: number;
}

export const thm1Base = {
  kernel: fc.constantFrom<'rbf' | 'rff'>('rbf', 'rff'),
  d: fc.integer({ min: 1, max: 3 }),
  m: fc.integer({ min: 3, max: 6 }),
  sigma: fc.double({ min: 0.3, max: 3, noNaN: true }),
  kseed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  lambda: fc.double({ min: 0.05, max: 2, noNaN: true }),
  mu: fc.double({ min: 0.1, max: 10, noNaN: true }),
};

export function masses(minN: number, maxN: number) {
  return fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: minN, maxLength: maxN });
}

export interface BuiltRegion {
  kernel: FullKernel;
  eq: RegionEquilibrium;
  delta: number;
  consts: KernelConstants;
  pi: number;
  rffMap?: ReturnType<typeof drawRff>;
}

export function buildRegion(inst: Thm1Instance): BuiltRegion {
  const rng = new Rng(inst.kseed);
  const xi = rng.normals(new Float64Array(inst.d));
  const pT = Float64Array.from(inst.pTilde);
  const pi = inst.ratio * pT.reduce((a, b) => a + b, 0);
  const rffMap = inst.kernel === 'rff' ? drawRff(rng, inst.d, Math.max(inst.m, inst.d), inst.sigma) : undefined;
  const kernel = rffMap ? featureKernel(rffMap) : rbfKernel(inst.sigma);
  const eq = thm1Equilibrium(xi, pi, pT, inst.lambda);
  return { kernel, eq, delta: excessMass(pi, pT), consts: kernelConstants(kernel, xi), pi, rffMap };
}

export interface StabilityResult {
  rho: number;
  rhoAtEighth: number;
  /** |ρ − 1| ≤ RHO_RESOLUTION: a boundary instance the numbers cannot decide (checks skip it and count it). */
  undecidable: boolean;
  etaD: number;
  etaBound: number;
  /** max Re of spec(M) (analytic linearisation). */
  maxRe: number;
  /** ‖J_analytic − J_FD‖/‖J_FD‖ on the same coordinates. */
  jacRelErr: number;
  delta: number;
  stable: boolean;
}

/** FD Jacobian spectral radius of the actual map at the equilibrium, at step η_d (μ fixed). */
function fdRho(b: BuiltRegion, inst: Thm1Instance, etaD: number): { rho: number; jacRelErr: number } {
  const { eq } = b;
  if (b.rffMap) {
    const theta = thm1ThetaStar(b.rffMap.features, b.rffMap.size, b.eq.trueX, b.delta, inst.lambda);
    const sys = new ParamSpaceIpm(b.rffMap, { d: eq.d, trueX: eq.trueX, p: eq.p, genX: eq.xs, pTilde: eq.pTilde }, { lambda: inst.lambda, etaD, etaG: inst.mu * etaD }, 'simultaneous', theta);
    const s0 = Float64Array.from(sys.state);
    const J = jacobianFD((s) => sys.map1(s), s0);
    // cross-check: spectrum of the full map = reduced spectrum ∪ {1 − η_dλ}
    const rhoRed = Math.max(spectralRadius(reducedJacobian(b.kernel, eq, etaD, inst.mu)), Math.abs(1 - etaD * inst.lambda));
    const rho = spectralRadius(J);
    return { rho, jacRelErr: Math.abs(rho - rhoRed) / rho };
  }
  const J = functionSpaceJacobianFD(b.kernel, eq, etaD, inst.mu);
  return { rho: spectralRadius(J), jacRelErr: relFroError(J, reducedJacobian(b.kernel, eq, etaD, inst.mu)) };
}

export function thm1Stability(inst: Thm1Instance): StabilityResult {
  const b = buildRegion(inst);
  const M = reducedGenerator(b.kernel, b.eq, inst.mu);
  const { bound, maxRe, re, im } = simultaneousStepBound(M, inst.lambda);
  let smax = inst.lambda;
  for (let i = 0; i < re.length; i++) smax = Math.max(smax, Math.hypot(re[i]!, im[i]!));
  const etaD = ETA_FRACTION * bound;
  const { rho, jacRelErr } = fdRho(b, inst, etaD);
  ensure(jacRelErr <= JAC_RTOL, `analytic and finite-difference Jacobians disagree (${jacRelErr.toExponential(2)})`, { jacRelErr });
  const undecidable = Math.abs(rho - 1) <= RHO_RESOLUTION || Math.abs(maxRe) < MARGIN_RTOL * smax;
  ensure(undecidable || rho < 1 === maxRe < 0, `FD spectral radius ${rho} disagrees with the linearisation (max Re s = ${maxRe})`, { rho, maxRe });
  const rhoAtEighth = fdRho(b, inst, etaD / 8).rho;
  ensure(undecidable || rho < 1 === rhoAtEighth < 1, `stability verdict changes between η_d = ${etaD} and η_d/8 (ρ = ${rho}, ${rhoAtEighth})`, { rho, rhoAtEighth });
  return { rho, rhoAtEighth, undecidable, etaD, etaBound: bound, maxRe, jacRelErr, delta: b.delta, stable: rho < 1 };
}

export const THM1_SETUP = {
  etaRule: `η_d = ${ETA_FRACTION}·η_d*, η_d* = min_s 2|Re s|/|s|² over spec(M) ∪ {−λ} (exact bound of I + η_d M); verdict re-checked at η_d/8`,
  stabilityTest: 'spectral radius of the central-difference Jacobian of the actual one-step map at (θ*, x̃* = xᵢ) vs 1',
  scheme: 'simultaneous (eq. 4 + 9)',
  kernels: 'exact RBF (function space, eq. 5) and m ∈ [3, 6] paired random Fourier features (parameter space, eq. 4)',
};
