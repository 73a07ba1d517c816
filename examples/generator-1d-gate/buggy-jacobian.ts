/**
 * A realistic bug: the change of variables without its Jacobian. Eq. (1a)'s summand for piece p is
 * φ(G_p⁻¹(x))/|∂_z G_p(G_p⁻¹(x))|; here the density adds up φ(G_p⁻¹(x)) alone (the 1/|G_p′| factor
 * forgotten), which is right only where |G_p′| = 1. The bin probabilities of G(Z) no longer equal the
 * integral of the density, so ib.thm1.density must catch it.
 */
import { generator1d } from 'gan-claims';
import correct, { pieceRange, solveCubic } from './correct-generator.ts';

const impl: generator1d.Generator1d = {
  ...correct,
  pushforwardDensity(g, x) {
    const terms: number[] = [];
    for (let p = 0; p < g.pieces.length; p++) {
      const [lo, hi] = pieceRange(g, p);
      if (!(x >= lo && x <= hi)) continue;
      const q = g.pieces[p]!;
      const u = solveCubic(q.a, q.b, q.s * (x - q.o));
      terms.push(generator1d.normalPdf(q.c + u)); // BUG: missing / (q.a + 3 * q.b * u * u)
    }
    return { density: terms.reduce((s, t) => s + t, 0), terms };
  },
};

export default impl;
