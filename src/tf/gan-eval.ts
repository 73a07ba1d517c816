/**
 * Metrics of a generator, float32 activations converted to float64 and handed to the float64 metrics
 * shared with the rest of the project:
 *  - mean log condition number of M_z = J_zᵀJ_z over a fixed batch of z (003 §3; J from jacobian.ts),
 *  - classifier score (003 eq. 3) from the MNIST classifier's softmax,
 *  - Fréchet distance (003 eq. 4) between the classifier's 64 penultimate features on generated
 *    samples and on real test digits,
 *  - per-class counts of the classifier's argmax and the count of the least-sampled class (003 §3).
 * Tolerances in float32: the features carry ~1e-7 relative rounding, so FD and score differ from a
 * float64 network's by well under 1e-4 relative; the claims compare groups of runs, never exact values.
 */
import { matrix, type Matrix } from '../linalg/matrix.ts';
import { frechetDistance, gaussianStats, type GaussianStats } from '../metrics/fid.ts';
import { classifierScore } from '../metrics/classifier-score.ts';
import { meanLogConditionNumber } from '../metrics/condition-number.ts';
import { metricTensorOf } from '../systems/jacobian-clamping/metric-tensor.ts';
import { tf, type Tensor } from './tf.ts';
import { classify, FEATURES, type ClassifierParams } from './classifier.ts';
import { generatorJacobians } from './jacobian.ts';
import { NUM_CLASSES, PIXELS } from './mnist.ts';

export interface GanMetrics {
  logCond: number;
  score: number;
  fd: number;
  /** Samples per class (argmax of the classifier), over `classes`. */
  classCounts: number[];
  leastCount: number;
}

/** Mean over z of ln(λ_max/λ_min) of J_zᵀJ_z; +∞ when some M_z is singular. */
export function meanLogCond(G: (z: Tensor) => Tensor, zJac: Float32Array, nz: number): number {
  const B = zJac.length / nz;
  const Js = generatorJacobians(G, zJac, B, nz, PIXELS);
  return meanLogConditionNumber(Js.map((J) => metricTensorOf(matrix(PIXELS, nz, J))));
}

/** Images in [−1, 1] (tanh output) → [0, 1], the classifier's input range. */
export function generate(G: (z: Tensor) => Tensor, z: Float32Array, nz: number, batch = 500): Float32Array {
  const n = z.length / nz;
  const out = new Float32Array(n * PIXELS);
  for (let s = 0; s < n; s += batch) {
    const m = Math.min(batch, n - s);
    const t = tf.tidy(() => tf.div(tf.add(G(tf.tensor2d(z.subarray(s * nz, (s + m) * nz), [m, nz])), 1), 2));
    out.set(t.dataSync(), s * PIXELS);
    t.dispose();
  }
  return out;
}

export function featureStats(features: Float64Array, n: number): GaussianStats {
  return gaussianStats(matrix(n, FEATURES, features));
}

export function evaluateGenerator(
  G: (z: Tensor) => Tensor, nz: number, clf: ClassifierParams, real: GaussianStats,
  zEval: Float32Array, zJac: Float32Array | null, classes: readonly number[],
): GanMetrics {
  const n = zEval.length / nz;
  const c = classify(clf, generate(G, zEval, nz));
  const probs: Matrix = matrix(n, NUM_CLASSES, c.probs);
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < NUM_CLASSES; k++) if (c.probs[i * NUM_CLASSES + k]! > c.probs[i * NUM_CLASSES + best]!) best = k;
    counts[best]!++;
  }
  const classCounts = classes.map((k) => counts[k]!);
  return {
    logCond: zJac ? meanLogCond(G, zJac, nz) : NaN,
    score: classifierScore(probs),
    fd: frechetDistance(featureStats(c.features, n), real),
    classCounts,
    leastCount: Math.min(...classCounts),
  };
}
