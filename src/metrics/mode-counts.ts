/**
 * Mode counts for multi-modal toy targets and class-labelled samples (003 §3 "least sampled
 * class"; the usual 8-Gaussian ring protocol of Metz et al. 2016): each sample is assigned to its
 * nearest mode centre, and counted only if it lies within `radius` of it ("high quality").
 */
export interface ModeCounts {
  /** counts[k]: samples assigned to mode k (within radius). */
  counts: Int32Array;
  /** Modes with at least `minCount` samples. */
  modesCovered: number;
  /** Fraction of samples within `radius` of some mode. */
  highQualityFraction: number;
  /** Smallest entry of counts: the count of the least-sampled mode. */
  leastSampled: number;
}

export function modeCounts(
  samples: readonly Float64Array[],
  centres: readonly Float64Array[],
  radius: number,
  minCount = 1,
): ModeCounts {
  if (!Array.isArray(centres) || centres.length < 1) throw new RangeError('modeCounts: centres must be a non-empty array');
  if (!(radius > 0)) throw new RangeError(`modeCounts: radius must be > 0, got ${radius}`);
  if (!(Number.isInteger(minCount) && minCount >= 1)) throw new RangeError(`modeCounts: minCount must be an integer ≥ 1, got ${minCount}`);
  const d = centres[0]!.length;
  const counts = new Int32Array(centres.length);
  let hq = 0;
  samples.forEach((s, i) => {
    if (s.length !== d) throw new RangeError(`modeCounts: samples[${i}] has dimension ${s.length}, expected ${d}`);
    let best = -1;
    let bestD2 = Infinity;
    for (let k = 0; k < centres.length; k++) {
      let d2 = 0;
      for (let a = 0; a < d; a++) d2 += (s[a]! - centres[k]![a]!) ** 2;
      if (d2 < bestD2) { bestD2 = d2; best = k; }
    }
    if (!(bestD2 <= radius * radius)) return;
    counts[best]!++;
    hq++;
  });
  return summarise(counts, minCount, samples.length === 0 ? 0 : hq / samples.length);
}

/** Counts of integer class labels in [0, K) (e.g. argmax of a classifier), with the least-sampled count. */
export function classCounts(labels: ArrayLike<number>, K: number): ModeCounts {
  if (!(Number.isInteger(K) && K >= 1)) throw new RangeError(`classCounts: K must be an integer ≥ 1, got ${K}`);
  const counts = new Int32Array(K);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (!(Number.isInteger(y) && y >= 0 && y < K)) throw new RangeError(`classCounts: labels[${i}] = ${y} is not a class in [0, ${K})`);
    counts[y]!++;
  }
  return summarise(counts, 1, labels.length === 0 ? 0 : 1);
}

function summarise(counts: Int32Array, minCount: number, highQualityFraction: number): ModeCounts {
  let covered = 0;
  let least = Infinity;
  for (const c of counts) {
    if (c >= minCount) covered++;
    if (c < least) least = c;
  }
  return { counts, modesCovered: covered, highQualityFraction, leastSampled: least };
}
