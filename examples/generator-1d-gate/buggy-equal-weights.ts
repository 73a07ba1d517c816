/**
 * A realistic bug: the mixture CDF inside the quantile written for equal weights, F_X(x) =
 * (1/K)·Σ_k Φ((x − μ_k)/σ_k), as for the paper's 3-Gaussian target, so every component is off by
 * its mixture weight w_k − 1/K. G = F_X⁻¹∘Φ then pushes N(0, 1) to the equal-weight mixture, not
 * to f_X: the CDF identity F_X(G(z)) = Φ(z) and the KS test of ib.thm1.monotone must catch it for
 * any target with unequal weights (and so must ib.bitonic-discontinuities, whose G uses the same quantile).
 */
import { generator1d } from 'gan-claims';
import correct, { centralMass, mixtureDensity, solveTail } from './correct-generator.ts';

type Mixture1D = generator1d.Mixture1D;

function equalWeightTails(m: Mixture1D, x: number): [number, number] {
  const K = m.weights.length;
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < K; k++) {
    const [c, s] = generator1d.normalCdfBoth((x - m.means[k]!) / m.stds[k]!);
    lo += c / K; // BUG: should be m.weights[k]! * c
    hi += s / K;
  }
  return [lo, hi];
}

function monotone(m: Mixture1D, z: number): number {
  const [lo, hi] = generator1d.normalCdfBoth(z);
  return z <= 0 ? solveTail(m, lo, 'lower', equalWeightTails) : solveTail(m, hi, 'upper', equalWeightTails);
}

function bitonic(m: Mixture1D, z: number): number {
  const y = Math.abs(z);
  const central = centralMass(y);
  return central <= 0.5 ? solveTail(m, central, 'lower', equalWeightTails) : solveTail(m, 2 * generator1d.normalCdfBoth(y)[1], 'upper', equalWeightTails);
}

const impl: generator1d.Generator1d = {
  ...correct,
  monotone,
  monotoneSlope: (m, z) => generator1d.normalPdf(z) / mixtureDensity(m, monotone(m, z)),
  bitonic,
  bitonicSlope: (m, z) => (Math.sign(z) * 2 * generator1d.normalPdf(z)) / mixtureDensity(m, bitonic(m, z)),
};

export default impl;
