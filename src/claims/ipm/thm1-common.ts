/**
 * Shared machinery of the Theorem 1 claims (002 Thm 1, Cor 1): a generated region instance, and
 * its stability decided by the spectral radius of the finite-difference Jacobian of the ACTUAL
 * one-step map at the equilibrium (18), not by the linearisation the proof uses.
 *
 * Systems: the 'rbf' kernel is the `kernel` system's K_σ and both representations run through the
 * `ipm` system's step (claims pass ctx's; the analytic Jacobian of region.ts is the independent side).
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
import { drawRff } from '../../kernels/rff.ts';
import { featureKernel } from '../../kernels/finite-feature.ts';
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { jacobianFD } from '../../linalg/jacobian-fd.ts';
import { det } from '../../linalg/lu.ts';
import { matrix } from '../../linalg/matrix.ts';
import { relFroError } from '../../linalg/norms.ts';
import { spectralRadius } from '../../linalg/spectral.ts';
import { Rng } from '../../random/rng.ts';
import {
  excessMass, functionSpaceJacobianFD, kernelConstants, reducedGenerator, reducedJacobian,
  simultaneousStepBound, thm1Equilibrium, thm1ThetaStar, type KernelConstants, type RegionEquilibrium,
} from '../../systems/isolated-points/index.ts';
import { ensure } from '../assert.ts';
import { BUILTIN_SYSTEMS, type IpmSystems } from './systems.ts';

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

/**
 * k₁…k₄ (eq. 17) are checked independently of the eigen-solver that produced them: every diagonal
 * entry of −∇²ₓK(xᵢ, xᵢ) (a Rayleigh quotient) lies in [k₁, k₂], and det(A − kI) vanishes at each
 * reported k (same for ∇ₓ∇ₓ′K and [k₃, k₄]), to this fraction of the scale (eigSym: ~1e-15).
 */
export const CONST_RTOL = 1e-9;

/**
 * Assumption 1 at xᵢ (eq. 16–17), the premise of Theorem 1, with the constants cross-checked:
 * ∇ₓK(xᵢ, xᵢ) = 0 and k₁, k₃ > 0 (the RBF: k₁ = k₃ = 1/σ²).
 */
export function checkKernelConstants(kernel: FullKernel, xi: Float64Array, c: KernelConstants): void {
  const d = xi.length;
  const H = kernel.hessXX(xi, xi).data;
  const G = kernel.hessXY(xi, xi).data;
  const blocks = [
    { name: '−∇²ₓK(xᵢ, xᵢ)', lo: c.k1, hi: c.k2, at: (a: number, b: number) => -0.5 * (H[a * d + b]! + H[b * d + a]!), k: 'k₁, k₂' },
    { name: '∇ₓ∇ₓ′K(xᵢ, xᵢ)', lo: c.k3, hi: c.k4, at: (a: number, b: number) => 0.5 * (G[a * d + b]! + G[b * d + a]!), k: 'k₃, k₄' },
  ];
  for (const { name, lo, hi, at, k } of blocks) {
    const scale = Math.max(Math.abs(lo), Math.abs(hi), Number.MIN_VALUE);
    for (let a = 0; a < d; a++) {
      const q = at(a, a);
      ensure(q >= lo - CONST_RTOL * scale && q <= hi + CONST_RTOL * scale, `${k} = [${lo}, ${hi}] do not bound the diagonal entry ${q} of ${name}`, { lo, hi, q, a });
    }
    for (const ev of [lo, hi]) {
      const A = matrix(d, d);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) A.data[a * d + b] = at(a, b) - (a === b ? ev : 0);
      const residual = Math.abs(det(A));
      ensure(residual <= CONST_RTOL * scale ** d, `${ev} (one of ${k}) is not an eigenvalue of ${name}: |det(A − kI)| = ${residual}`, { ev, residual });
    }
  }
  ensure(c.gradNorm <= CONST_RTOL * Math.sqrt(c.k2) && c.k1 > 0 && c.k3 > 0, `the kernel violates Assumption 1 at xᵢ: ‖∇ₓK(xᵢ, xᵢ)‖ = ${c.gradNorm}, k₁ = ${c.k1}, k₃ = ${c.k3} (eq. 16–17; an RBF has 0 and 1/σ²)`, { ...c });
}

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

export function buildRegion(inst: Thm1Instance, sys: IpmSystems = BUILTIN_SYSTEMS): BuiltRegion {
  const rng = new Rng(inst.kseed);
  const xi = rng.normals(new Float64Array(inst.d));
  const pT = Float64Array.from(inst.pTilde);
  const pi = inst.ratio * pT.reduce((a, b) => a + b, 0);
  const rffMap = inst.kernel === 'rff' ? drawRff(rng, inst.d, Math.max(inst.m, inst.d), inst.sigma) : undefined;
  const kernel = rffMap ? featureKernel(rffMap) : sys.kernel(inst.sigma);
  const eq = thm1Equilibrium(xi, pi, pT, inst.lambda);
  const consts = kernelConstants(kernel, xi);
  checkKernelConstants(kernel, xi, consts);
  return { kernel, eq, delta: excessMass(pi, pT), consts, pi, rffMap };
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
function fdRho(b: BuiltRegion, inst: Thm1Instance, etaD: number, sys: IpmSystems): { rho: number; jacRelErr: number } {
  const { eq } = b;
  if (b.rffMap) {
    const map = b.rffMap;
    const F = map.size;
    const theta = thm1ThetaStar(map.features, F, b.eq.trueX, b.delta, inst.lambda);
    const steps = { lambda: inst.lambda, etaD, etaG: inst.mu * etaD };
    // the one-step map of eq. (4) + (9) on the state [θ; x̃]
    const map1 = (s: Float64Array): Float64Array => {
      const next = sys.ipm.paramStep(map, { d: eq.d, trueX: eq.trueX, p: eq.p, genX: s.slice(F), pTilde: eq.pTilde }, steps, 'simultaneous', s.slice(0, F));
      const out = new Float64Array(s.length);
      out.set(next.theta);
      out.set(next.genX, F);
      return out;
    };
    const s0 = new Float64Array(F + eq.xs.length);
    s0.set(theta);
    s0.set(eq.xs, F);
    const J = jacobianFD(map1, s0);
    // cross-check: spectrum of the full map = reduced spectrum ∪ {1 − η_dλ}
    const rhoRed = Math.max(spectralRadius(reducedJacobian(b.kernel, eq, etaD, inst.mu)), Math.abs(1 - etaD * inst.lambda));
    const rho = spectralRadius(J);
    return { rho, jacRelErr: Math.abs(rho - rhoRed) / rho };
  }
  const J = functionSpaceJacobianFD(b.kernel, eq, etaD, inst.mu, 'simultaneous', undefined, sys.ipm);
  return { rho: spectralRadius(J), jacRelErr: relFroError(J, reducedJacobian(b.kernel, eq, etaD, inst.mu)) };
}

export function thm1Stability(inst: Thm1Instance, sys: IpmSystems = BUILTIN_SYSTEMS): StabilityResult {
  const b = buildRegion(inst, sys);
  const M = reducedGenerator(b.kernel, b.eq, inst.mu);
  const { bound, maxRe, re, im } = simultaneousStepBound(M, inst.lambda);
  let smax = inst.lambda;
  for (let i = 0; i < re.length; i++) smax = Math.max(smax, Math.hypot(re[i]!, im[i]!));
  const etaD = ETA_FRACTION * bound;
  const { rho, jacRelErr } = fdRho(b, inst, etaD, sys);
  ensure(jacRelErr <= JAC_RTOL, `analytic and finite-difference Jacobians disagree (${jacRelErr.toExponential(2)})`, { jacRelErr });
  const undecidable = Math.abs(rho - 1) <= RHO_RESOLUTION || Math.abs(maxRe) < MARGIN_RTOL * smax;
  ensure(undecidable || rho < 1 === maxRe < 0, `FD spectral radius ${rho} disagrees with the linearisation (max Re s = ${maxRe})`, { rho, maxRe });
  const rhoAtEighth = fdRho(b, inst, etaD / 8, sys).rho;
  ensure(undecidable || rho < 1 === rhoAtEighth < 1, `stability verdict changes between η_d = ${etaD} and η_d/8 (ρ = ${rho}, ${rhoAtEighth})`, { rho, rhoAtEighth });
  return { rho, rhoAtEighth, undecidable, etaD, etaBound: bound, maxRe, jacRelErr, delta: b.delta, stable: rho < 1 };
}

export const THM1_SETUP = {
  etaRule: `η_d = ${ETA_FRACTION}·η_d*, η_d* = min_s 2|Re s|/|s|² over spec(M) ∪ {−λ} (exact bound of I + η_d M); verdict re-checked at η_d/8`,
  stabilityTest: 'spectral radius of the central-difference Jacobian of the actual one-step map at (θ*, x̃* = xᵢ) vs 1',
  scheme: 'simultaneous (eq. 4 + 9)',
  kernels: 'exact RBF (function space, eq. 5) and m ∈ [3, 6] paired random Fourier features (parameter space, eq. 4)',
};
