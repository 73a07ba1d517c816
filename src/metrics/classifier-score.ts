/**
 * Classifier score (003 eq. 3; the Inception Score of Salimans et al. 2016 with any classifier):
 *   exp( E_x KL( p(y|x) ‖ p(y) ) ),  p(y) = E_x p(y|x),
 * from an n×K matrix whose rows are the classifier's p(y|x) on n generated samples.
 * 0·log 0 is taken as 0, so confident (one-hot) rows are allowed. The score lies in [1, K]:
 * it equals exp(I(x; y)) for the empirical joint, and 0 ≤ I ≤ H(y) ≤ log K.
 */
import type { Matrix } from '../linalg/matrix.ts';

/** A row may miss summing to 1 by this much (float32 softmax outputs from the TensorFlow.js tier). */
const ROW_SUM_TOL = 1e-4;

export function classifierScore(probs: Matrix): number {
  if (!probs || !(probs.data instanceof Float64Array)) throw new TypeError('classifierScore: probs must be a Matrix');
  const { rows: n, cols: K, data } = probs;
  if (n < 1 || K < 1) throw new RangeError(`classifierScore: probs must be n×K with n, K ≥ 1, got ${n}×${K}`);
  const py = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) {
      const p = data[i * K + k]!;
      if (!(p >= 0 && p <= 1 + ROW_SUM_TOL)) throw new RangeError(`classifierScore: probs[${i}][${k}] = ${p} is not a probability`);
      s += p;
      py[k]! += p;
    }
    if (Math.abs(s - 1) > ROW_SUM_TOL) throw new RangeError(`classifierScore: probs row ${i} sums to ${s}, not 1`);
  }
  // E_x KL(p(y|x) ‖ p(y)) as one sum over rows, each term p(y|x)·log(p(y|x)/p(y)) exactly 0 where
  // p(y|x) = 0. p(y) is kept as the column sum S_k (log p(y) = log S_k − log n): dividing a
  // subnormal S_k by n can underflow to 0 while some p(y|x) > 0, which would give log(p/0) = ∞.
  const logN = Math.log(n);
  const logS = py.map((s) => Math.log(s));
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const p = data[i * K + k]!;
      if (p > 0) kl += p * (Math.log(p) - logS[k]! + logN);
    }
  }
  kl /= n;
  return Math.exp(kl);
}
