/**
 * The discriminator's training measure of 004 ("Setting"): γ̂ = (α̂ + β̂)/2, α̂ = (1/n)Σδ_{xᵢ} the
 * fake samples, β̂ = (1/m)Σδ_{yⱼ} the target samples. Functions in L²(γ̂) are represented by their
 * values on the support, listed as x₁…xₙ then y₁…yₘ, with weights 1/(2n) and 1/(2m).
 */
export interface TrainingMeasure {
  /** Fake samples (supp α̂). */
  xs: readonly Float64Array[];
  /** Target samples (supp β̂). */
  ys: readonly Float64Array[];
  /** xs then ys. */
  points: readonly Float64Array[];
  /** γ̂-mass of each listed point: 1/(2n) for the xs, 1/(2m) for the ys (sums to 1). */
  weights: Float64Array;
  n: number;
  m: number;
  d: number;
}

export function checkPointList(fn: string, name: string, pts: readonly Float64Array[], d?: number): number {
  if (!Array.isArray(pts)) throw new TypeError(`${fn}: ${name} must be an array of Float64Array points`);
  if (pts.length < 1) throw new RangeError(`${fn}: ${name} must hold at least one point`);
  const dim = d ?? pts[0]!.length;
  if (!(dim >= 1)) throw new RangeError(`${fn}: ${name} points must have dimension ≥ 1`);
  pts.forEach((p, i) => {
    if (!(p instanceof Float64Array)) throw new TypeError(`${fn}: ${name}[${i}] must be a Float64Array`);
    if (p.length !== dim) throw new RangeError(`${fn}: ${name}[${i}] has dimension ${p.length}, expected ${dim}`);
    for (const v of p) if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] has a non-finite coordinate`);
  });
  return dim;
}

export function trainingMeasure(xs: readonly Float64Array[], ys: readonly Float64Array[]): TrainingMeasure {
  const d = checkPointList('trainingMeasure', 'xs', xs);
  checkPointList('trainingMeasure', 'ys', ys, d);
  const n = xs.length;
  const m = ys.length;
  const weights = new Float64Array(n + m);
  weights.fill(1 / (2 * n), 0, n);
  weights.fill(1 / (2 * m), n);
  return { xs, ys, points: [...xs, ...ys], weights, n, m, d };
}
