/**
 * KL divergence estimators.
 *
 * Estimator used by the ib.* GAN claims ("histogram plug-in with exact target"): the space is cut
 * into bins (plus overflow bins); p_k is the target's exact probability of bin k (from its CDF),
 * q_k the generated samples' frequency with additive smoothing, q_k = (n_k + s)/(N + s·K), s = ½
 * (Jeffreys) by default so an empty bin costs a finite, N-dependent penalty instead of ∞. It
 * returns KL(P_data ‖ P_gen) = Σ_k p_k log(p_k/q_k), the direction that punishes missed modes.
 * Its bias for samples drawn from P itself is ≈ (K_eff − 1)/(2N) (K_eff: bins with mass).
 */

/** Σ p_k log(p_k/q_k); terms with p_k = 0 vanish; p_k > 0 with q_k = 0 gives ∞. Inputs must each sum to 1 (checked to 1e-9). */
export function klDiscrete(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError(`klDiscrete: p and q must have equal length, got ${p.length} and ${q.length}`);
  let sp = 0;
  let sq = 0;
  for (let k = 0; k < p.length; k++) {
    if (!(p[k]! >= 0) || !(q[k]! >= 0)) throw new RangeError(`klDiscrete: probabilities must be ≥ 0 (index ${k})`);
    sp += p[k]!;
    sq += q[k]!;
  }
  if (Math.abs(sp - 1) > 1e-9 || Math.abs(sq - 1) > 1e-9) throw new RangeError(`klDiscrete: p and q must sum to 1, got ${sp} and ${sq}`);
  let kl = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k]!;
    if (pk === 0) continue;
    const qk = q[k]!;
    if (qk === 0) return Infinity;
    kl += pk * Math.log(pk / qk);
  }
  return Math.max(kl, 0);
}

/** KL(P ‖ Q̂) with exact bin probabilities p and generated bin counts smoothed by s. */
export function histogramKl(p: ArrayLike<number>, counts: ArrayLike<number>, smoothing = 0.5): number {
  if (!(smoothing >= 0)) throw new RangeError(`histogramKl: smoothing must be ≥ 0, got ${smoothing}`);
  if (p.length !== counts.length) throw new RangeError(`histogramKl: p and counts must have equal length, got ${p.length} and ${counts.length}`);
  let n = 0;
  for (let k = 0; k < counts.length; k++) {
    if (!(counts[k]! >= 0)) throw new RangeError(`histogramKl: counts must be ≥ 0 (index ${k})`);
    n += counts[k]!;
  }
  const denom = n + smoothing * counts.length;
  if (!(denom > 0)) throw new RangeError('histogramKl: no samples and no smoothing');
  const q = new Float64Array(counts.length);
  for (let k = 0; k < counts.length; k++) q[k] = (counts[k]! + smoothing) / denom;
  return klDiscrete(p, q);
}
