/**
 * Multi-scale kernels (002 §8, eq. 27–28): the discriminator f = a₁ᵀθ₁ + a₂ᵀθ₂ + … has the
 * concatenated feature map a = [a₁; a₂; …] and kernel K = K₁ + K₂ + …. `concatFeatureMaps`
 * builds the feature map; `sumKernels` the exact kernel sum (e.g. of exact RBFs of several widths).
 */
import { matrix } from '../linalg/matrix.ts';
import type { FeatureMap } from './finite-feature.ts';
import type { FullKernel } from './full-kernel.ts';

export function concatFeatureMaps(maps: readonly FeatureMap[]): FeatureMap {
  if (!Array.isArray(maps) || maps.length === 0) throw new RangeError('concatFeatureMaps: maps must be a non-empty array');
  const d = maps[0]!.dim;
  maps.forEach((m, i) => {
    if (m.dim !== d) throw new RangeError(`concatFeatureMaps: maps[${i}] has dimension ${m.dim}, expected ${d}`);
  });
  const offsets = [0];
  for (const m of maps) offsets.push(offsets[offsets.length - 1]! + m.size);
  const F = offsets[maps.length]!;
  const tmpD = new Float64Array(d);
  const tmpDD = new Float64Array(d * d);
  return {
    name: `concat(${maps.map((m) => m.name).join(' + ')})`,
    dim: d,
    size: F,
    translationInvariant: maps.every((m) => m.translationInvariant),
    features(x, out) {
      maps.forEach((m, i) => m.features(x, out.subarray(offsets[i]!, offsets[i + 1]!)));
      return out;
    },
    jacobian(x, out) {
      maps.forEach((m, i) => m.jacobian(x, out.subarray(offsets[i]! * d, offsets[i + 1]! * d)));
      return out;
    },
    gradDot(x, theta, out) {
      out.fill(0, 0, d);
      maps.forEach((m, i) => {
        m.gradDot(x, theta.subarray(offsets[i]!, offsets[i + 1]!), tmpD);
        for (let a = 0; a < d; a++) out[a] += tmpD[a]!;
      });
      return out;
    },
    weightedHessian(x, w, out) {
      out.fill(0, 0, d * d);
      maps.forEach((m, i) => {
        m.weightedHessian(x, w.subarray(offsets[i]!, offsets[i + 1]!), tmpDD);
        for (let a = 0; a < d * d; a++) out[a] += tmpDD[a]!;
      });
      return out;
    },
  };
}

/** K = Σ cᵢ Kᵢ (eq. 28 with weights; cᵢ = 1 by default). */
export function sumKernels(kernels: readonly FullKernel[], weights?: readonly number[]): FullKernel {
  if (!Array.isArray(kernels) || kernels.length === 0) throw new RangeError('sumKernels: kernels must be a non-empty array');
  const c = weights ?? kernels.map(() => 1);
  if (c.length !== kernels.length) throw new RangeError(`sumKernels: ${c.length} weights for ${kernels.length} kernels`);
  c.forEach((w, i) => {
    if (!(w > 0) || !Number.isFinite(w)) throw new RangeError(`sumKernels: weights[${i}] must be finite and positive, got ${w}`);
  });
  const sumM = (fn: (k: FullKernel) => { rows: number; data: Float64Array }) => {
    let out: ReturnType<typeof matrix> | null = null;
    kernels.forEach((k, i) => {
      const m = fn(k);
      if (!out) out = matrix(m.rows, m.rows);
      for (let a = 0; a < m.data.length; a++) out.data[a] += c[i]! * m.data[a]!;
    });
    return out!;
  };
  return {
    name: `sum(${kernels.map((k, i) => (c[i] === 1 ? k.name : `${c[i]}·${k.name}`)).join(' + ')})`,
    translationInvariant: kernels.every((k) => k.translationInvariant),
    k: (x, y) => kernels.reduce((s, k, i) => s + c[i]! * k.k(x, y), 0),
    gradX(x, y, out = new Float64Array(x.length)) {
      out.fill(0);
      const tmp = new Float64Array(x.length);
      kernels.forEach((k, i) => {
        k.gradX(x, y, tmp);
        for (let a = 0; a < x.length; a++) out[a] += c[i]! * tmp[a]!;
      });
      return out;
    },
    hessXX: (x, y) => sumM((k) => k.hessXX(x, y)),
    hessXY: (x, y) => sumM((k) => k.hessXY(x, y)),
  };
}
