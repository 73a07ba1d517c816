/**
 * Logistic regression P(y = 1 | x) = 1/(1 + exp(−(b₀ + Σⱼ bⱼxⱼ))) by Newton's method (IRLS) on the
 * penalised log-likelihood ℓ(b) − (ridge/2)Σⱼ≥₁ bⱼ². The ridge term exists for separable data — a
 * clean phase boundary is exactly that, and there the unpenalised maximum is at infinity — and is
 * applied to standardised features (so one ridge value means the same on every axis); the intercept
 * is not penalised. Coefficients are returned on the original feature scale. Standard errors come
 * from the inverse penalised Fisher information at the optimum.
 */
import { checkSample } from './check.ts';
import { matrix, inv, solve } from '../linalg/index.ts';

export interface LogisticFit {
  /** [b₀, b₁, …, b_p] on the original feature scale. */
  coef: number[];
  /** Standard errors of coef (inverse penalised Fisher information). */
  stdErr: number[];
  /** Newton iterations used. */
  iterations: number;
  converged: boolean;
  /** Penalised log-likelihood at the optimum (standardised parameterisation). */
  logLik: number;
}

/** Default ridge: weak enough to leave overlapping classes' fit essentially unchanged. */
export const LOGISTIC_RIDGE = 1e-2;
const MAX_ITER = 100;
/** Newton stops when the largest step in the standardised coefficients is below this. */
const STEP_TOL = 1e-10;

export function logisticFit(X: readonly (readonly number[])[], y: readonly number[], ridge = LOGISTIC_RIDGE): LogisticFit {
  const n = X.length;
  checkSample('logisticFit', 'y', y, 2);
  if (n !== y.length) throw new RangeError(`logisticFit: X has ${n} rows but y has ${y.length} entries`);
  const p = X[0]!.length;
  if (p < 1) throw new RangeError('logisticFit: X needs at least one feature column');
  if (!(ridge >= 0) || !Number.isFinite(ridge)) throw new RangeError(`logisticFit: ridge must be a non-negative finite number, got ${ridge}`);
  for (let i = 0; i < n; i++) {
    if (X[i]!.length !== p) throw new RangeError(`logisticFit: row ${i} of X has ${X[i]!.length} features, expected ${p}`);
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`logisticFit: y must be 0 or 1, got y[${i}] = ${y[i]}`);
    for (const v of X[i]!) if (!Number.isFinite(v)) throw new RangeError(`logisticFit: X[${i}] has a non-finite entry ${v}`);
  }
  // standardise features
  const mu = new Array<number>(p).fill(0), sd = new Array<number>(p).fill(0);
  for (const row of X) row.forEach((v, j) => { mu[j]! += v / n; });
  for (const row of X) row.forEach((v, j) => { sd[j]! += (v - mu[j]!) ** 2 / n; });
  for (let j = 0; j < p; j++) {
    sd[j] = Math.sqrt(sd[j]!);
    if (!(sd[j]! > 0)) throw new RangeError(`logisticFit: feature ${j} is constant, its coefficient is undefined`);
  }
  const Z = X.map((row) => [1, ...row.map((v, j) => (v - mu[j]!) / sd[j]!)]);
  const q = p + 1;
  let b = new Float64Array(q);
  const penalty = (j: number) => (j === 0 ? 0 : ridge);
  let it = 0, converged = false;
  const H = matrix(q, q);
  const objective = (bb: Float64Array) => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < q; j++) eta += Z[i]![j]! * bb[j]!;
      // log σ(η) and log(1 − σ(η)) without overflow
      ll += y[i] === 1 ? -softplus(-eta) : -softplus(eta);
    }
    for (let j = 1; j < q; j++) ll -= 0.5 * ridge * bb[j]! ** 2;
    return ll;
  };
  const fisher = (bb: Float64Array) => {
    const g = new Float64Array(q);
    H.data.fill(0);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < q; j++) eta += Z[i]![j]! * bb[j]!;
      const mu_i = 1 / (1 + Math.exp(-eta));
      const w = mu_i * (1 - mu_i);
      for (let j = 0; j < q; j++) {
        g[j]! += (y[i]! - mu_i) * Z[i]![j]!;
        for (let k = 0; k < q; k++) H.data[j * q + k]! += w * Z[i]![j]! * Z[i]![k]!;
      }
    }
    for (let j = 0; j < q; j++) {
      g[j]! -= penalty(j) * bb[j]!;
      H.data[j * q + j]! += penalty(j);
    }
    return g;
  };
  let ll = objective(b);
  for (it = 1; it <= MAX_ITER; it++) {
    const g = fisher(b);
    const step = solve(H, g);
    // step halving keeps Newton monotone on the concave objective
    let t = 1, next = b, llNext = -Infinity;
    for (let h = 0; h < 30; h++) {
      next = b.map((v, j) => v + t * step[j]!);
      llNext = objective(next);
      if (llNext >= ll - 1e-12 * Math.abs(ll)) break;
      t /= 2;
    }
    const maxStep = Math.max(...step.map((s) => Math.abs(t * s)));
    b = next;
    ll = llNext;
    if (maxStep < STEP_TOL) { converged = true; break; }
  }
  fisher(b);
  const cov = inv(H);
  // back to the original scale: bⱼ = b̃ⱼ/sdⱼ, b₀ = b̃₀ − Σ b̃ⱼμⱼ/sdⱼ (linear map A; Cov = A Coṽ Aᵀ)
  const A = matrix(q, q);
  A.data[0] = 1;
  for (let j = 1; j < q; j++) {
    A.data[j * q + j] = 1 / sd[j - 1]!;
    A.data[j] = -mu[j - 1]! / sd[j - 1]!;
  }
  const coef: number[] = [], stdErr: number[] = [];
  for (let r = 0; r < q; r++) {
    let c = 0;
    for (let k = 0; k < q; k++) c += A.data[r * q + k]! * b[k]!;
    coef.push(c);
    let v = 0;
    for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) v += A.data[r * q + k]! * cov.data[k * q + l]! * A.data[r * q + l]!;
    stdErr.push(Math.sqrt(Math.max(0, v)));
  }
  return { coef, stdErr, iterations: Math.min(it, MAX_ITER), converged, logLik: ll };
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
