/**
 * Optimal 1-D generators for a Gaussian-mixture target (000 §3):
 *   monotone  G(z) = F_X⁻¹(Φ(z)),            G′(z) = φ(z)/f_X(G(z));
 *   bitonic   G(z) = F_X⁻¹(2Φ(|z|) − 1),     G′(z) = sign(z)·2φ(z)/f_X(G(z))  (V-shaped, G(0) = −∞).
 * Probabilities are passed to the quantile from the smaller tail so G keeps full precision for
 * large |z| (and the bitonic one near its vertex z = 0).
 */
import { mixturePdf, mixtureQuantile, type Mixture1D } from './mixture.ts';
import { normalCdf, normalCentral, normalPdf, normalSf } from '../../stats/normal.ts';

export function monotoneOptimal(m: Mixture1D, z: number): number {
  if (Number.isNaN(z)) throw new RangeError('monotoneOptimal: z is NaN');
  return z <= 0 ? mixtureQuantile(m, normalCdf(z)) : mixtureQuantile(m, normalSf(z), true);
}

export function monotoneOptimalSlope(m: Mixture1D, z: number): number {
  return normalPdf(z) / mixturePdf(m, monotoneOptimal(m, z));
}

export function bitonicOptimal(m: Mixture1D, z: number): number {
  if (Number.isNaN(z)) throw new RangeError('bitonicOptimal: z is NaN');
  const y = Math.abs(z);
  const central = normalCentral(y); // 2Φ(|z|) − 1 = F_X(G(z))
  return central <= 0.5 ? mixtureQuantile(m, central) : mixtureQuantile(m, 2 * normalSf(y), true);
}

export function bitonicOptimalSlope(m: Mixture1D, z: number): number {
  return (Math.sign(z) * 2 * normalPdf(z)) / mixturePdf(m, bitonicOptimal(m, z));
}
