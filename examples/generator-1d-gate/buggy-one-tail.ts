/**
 * A realistic bug: the monotone generator solved on one tail only, F_X(x) = Φ(z) for every z,
 * the textbook G = F_X⁻¹(Φ(z)) taken literally. For z > 0 the probability Φ(z) = 1 − (1 − Φ(z))
 * is rounded to a multiple of 2⁻⁵³ before the quantile sees it, so in the upper tail (z ≳ 5, where
 * 1 − Φ(z) < 1e-7) G(z) loses its relative precision: 1 − F_X(G(z)) is off from 1 − Φ(z) by
 * ~1e-16/(1 − Φ(z)), far above what ib.thm1.monotone's smaller-tail CDF identity allows (1e-9).
 */
import { generator1d } from 'gan-claims';
import correct, { mixtureDensity, solveTail } from './correct-generator.ts';

type Mixture1D = generator1d.Mixture1D;

function monotone(m: Mixture1D, z: number): number {
  return solveTail(m, generator1d.normalCdfBoth(z)[0], 'lower'); // BUG: z > 0 should solve 1 − F_X(x) = 1 − Φ(z)
}

const impl: generator1d.Generator1d = {
  ...correct,
  monotone,
  monotoneSlope: (m, z) => generator1d.normalPdf(z) / mixtureDensity(m, monotone(m, z)),
};

export default impl;
