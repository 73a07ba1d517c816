/**
 * Finite-difference Jacobian of the FUNCTION-SPACE one-step map (eq. 5 + 9/11b) at an equilibrium,
 * in the reduced coordinates (g, δx̃) of region.ts. It runs the actual bump dynamics, so it is an
 * independent check of `reducedJacobian` and works for kernels with no finite feature map (the
 * exact RBF). A state (g, δx̃) is realised as the discriminator f* + ψ with ψ a combination of
 * the functions x ↦ ∂K(x, y_l)/∂y_l,b chosen so that ∇ψ(y_q) = g_q at every probe point.
 */
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { jacobianFD } from '../../linalg/jacobian-fd.ts';
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import { solve } from '../../linalg/lu.ts';
import type { BaseFunction } from './function-space.ts';
import { isolatedPoints, type Ipm } from './ipm.ts';
import { equilibriumDiscriminator, probePoints, type RegionEquilibrium } from './region.ts';
import { row, type Scheme } from './types.ts';

/**
 * The one-step map (g, δx̃) ↦ (g′, δx̃′) of the function-space dynamics around `eq`, run by
 * `ipm.functionSpace` (the built-in or a user's `--impl ipm`).
 */
export function functionSpaceReducedMap(kernel: FullKernel, eq: RegionEquilibrium, etaD: number, mu: number, scheme: Scheme = 'simultaneous', ipm: Ipm = isolatedPoints) {
  const { d, trueX, p, xs, pTilde, lambda } = eq;
  const n = pTilde.length;
  const { probes } = probePoints(eq);
  const Q = probes.length;
  // Gram system: ∇ψ(y_q) = Σ_l ∇ₓ∇ₓ′K(y_q, y_l) w_l
  const B = matrix(Q * d, Q * d);
  for (let q = 0; q < Q; q++) {
    for (let l = 0; l < Q; l++) {
      const G = kernel.hessXY(probes[q]!, probes[l]!).data;
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) B.data[(q * d + a) * Q * d + l * d + b] = G[a * d + b]!;
    }
  }
  const fs = equilibriumDiscriminator(kernel, eq);
  const gStar = probes.map((y) => fs.grad(y));
  const tmp = new Float64Array(d);
  return (s: Float64Array): Float64Array => {
    const w = solve(B, s.slice(0, Q * d));
    const psi: BaseFunction = {
      value(x) {
        let v = 0;
        for (let l = 0; l < Q; l++) {
          kernel.gradX(probes[l]!, x, tmp); // ∂K(x, y)/∂y at y = y_l (K symmetric)
          for (let b = 0; b < d; b++) v += w[l * d + b]! * tmp[b]!;
        }
        return v;
      },
      grad(x, out) {
        out.fill(0);
        for (let l = 0; l < Q; l++) {
          const G = kernel.hessXY(x, probes[l]!).data;
          for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) out[a] += G[a * d + b]! * w[l * d + b]!;
        }
        return out;
      },
    };
    const genX = Float64Array.from(xs);
    for (let k = 0; k < n * d; k++) genX[k] += s[Q * d + k]!;
    const sys = ipm.functionSpace(
      kernel,
      { d, trueX, p, genX, pTilde },
      { lambda, etaD, etaG: mu * etaD },
      scheme,
      { f0: psi, c0: p.map((v) => v / lambda) },
    );
    for (let l = 0; l < n; l++) sys.addBump(row(xs, l, d), -pTilde[l]! / lambda);
    sys.step();
    const out = new Float64Array((Q + n) * d);
    const gq = new Float64Array(d);
    for (let q = 0; q < Q; q++) {
      sys.f.grad(probes[q]!, gq);
      for (let a = 0; a < d; a++) out[q * d + a] = gq[a]! - gStar[q]![a]!;
    }
    for (let k = 0; k < n * d; k++) out[Q * d + k] = sys.x[k]! - xs[k]!;
    return out;
  };
}

/** Central-difference Jacobian of `functionSpaceReducedMap` at the equilibrium (state 0). */
export function functionSpaceJacobianFD(kernel: FullKernel, eq: RegionEquilibrium, etaD: number, mu: number, scheme: Scheme = 'simultaneous', h?: number, ipm: Ipm = isolatedPoints): Matrix {
  const { probes } = probePoints(eq);
  const N = (probes.length + eq.pTilde.length) * eq.d;
  return jacobianFD(functionSpaceReducedMap(kernel, eq, etaD, mu, scheme, ipm), new Float64Array(N), h);
}
