import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { matrix } from '../../linalg/matrix.ts';
import { classifierScore } from '../../metrics/classifier-score.ts';
import { PAPER } from './common.ts';

/** exp of a sum of ≤ 60·10 terms: rounding ≈ 1e-13 relative. */
const RTOL = 1e-10;

/** exp(H(p(y)) − E_x H(p(y|x))): the same quantity as eq. 3 through entropies, computed separately. */
function scoreByEntropies(P: Float64Array, n: number, K: number): number {
  const py = new Float64Array(K);
  let condH = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) {
    const p = P[i * K + k]!;
    py[k]! += p / n;
    if (p > 0) condH -= (p * Math.log(p)) / n;
  }
  let H = 0;
  for (const p of py) if (p > 0) H -= p * Math.log(p);
  return Math.exp(H - condH);
}

export const jcClassifierScore = property({
  id: 'jc.classifier-score',
  source: { paper: PAPER, where: '§2, eq. 3' },
  statement: 'exp(E_{x∈P_θ}[KL(p(y|x)‖p(y))]) (3), where p(y|x) is the probability for labels y given by a pretrained classifier on x, and p(y) is the overall distribution of labels in the generated samples.',
  checks:
    'For generated n × K matrices of p(y|x) (n ≤ 60, K ≤ 10, with zeros and one-hot rows mixed in): the score lies in [1, K] and equals exp(H(p(y)) − E H(p(y|x))); it is 1 when every row is the same distribution, ' +
    'and K when the rows are one-hot and each class is predicted equally often.',
  tier: 'fast', kind: 'property', expect: 'holds',
  arbitrary: fc.integer({ min: 1, max: 10 }).chain((K) => fc.record({
    K: fc.constant(K),
    rows: fc.array(fc.oneof(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: K, maxLength: K }),
      fc.integer({ min: 0, max: K - 1 }).map((c) => Array.from({ length: K }, (_, k) => (k === c ? 1 : 0))),
    ), { minLength: 1, maxLength: 60 }),
    reps: fc.integer({ min: 1, max: 6 }),
    perm: fc.integer({ min: 0, max: 1000 }),
  })),
  check: ({ K, rows, reps, perm }) => {
    const norm = rows.map((r) => {
      const s = r.reduce((a, b) => a + b, 0);
      return s > 0 ? r.map((v) => v / s) : r.map(() => 1 / K);
    });
    const n = norm.length;
    const P = matrix(n, K, norm.flat());
    const s = classifierScore(P);
    ensure(s >= 1 - RTOL && s <= K * (1 + RTOL), `score ${s} outside [1, ${K}]`, { s, K });
    const e = scoreByEntropies(P.data, n, K);
    ensure(Math.abs(s - e) <= RTOL * e, `score ${s} ≠ exp(H(y) − E H(y|x)) = ${e}`, { s, e });
    // Every p(y|x) the same → 1.
    const same = matrix(n, K, Array.from({ length: n }, () => norm[0]!).flat());
    const s1 = classifierScore(same);
    ensure(Math.abs(s1 - 1) <= RTOL, `identical rows give ${s1} ≠ 1`, { s1 });
    // Confident and uniform over the K classes → K (rows in a shuffled class order).
    const labels = Array.from({ length: K * reps }, (_, i) => (i * (perm % K + 1) + perm) % K);
    const counts = new Array(K).fill(0);
    labels.forEach((c) => counts[c]++);
    if (counts.every((c) => c === reps)) {
      const onehot = matrix(K * reps, K, labels.flatMap((c) => Array.from({ length: K }, (_, k) => (k === c ? 1 : 0))));
      const sK = classifierScore(onehot);
      ensure(Math.abs(sK - K) <= RTOL * K, `confident uniform predictions give ${sK} ≠ K = ${K}`, { sK, K });
    }
    return { score: s, scoreOverK: s / K };
  },
});
