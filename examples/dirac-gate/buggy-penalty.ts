/**
 * A second realistic bug: the R1 penalty (γ/2)ψ² differentiated as γψ²'s half-derivative twice,
 * i.e. its gradient written −(γ/2)ψ instead of −γψ. The eigenvalues of the regularised Dirac-GAN
 * at the equilibrium move (Mescheder et al. 2018, Thm 4.1's −γ/2 ± √(γ²/4 − f′(0)²)), so the
 * claims that compare the field with those closed forms must catch it.
 */
import type { dirac } from 'gan-claims';
import correct from './correct-dirac.ts';

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

const impl: dirac.DiracGan = {
  ...correct,
  ganField: (loss, gamma) => (x, out) => {
    const [theta, psi] = [x[0]!, x[1]!];
    const fPrime = loss === 'wgan' ? 1 : sigmoid(-theta * psi);
    out[0] = -psi * fPrime;
    out[1] = theta * fPrime - 0.5 * gamma * psi; // BUG: ∂/∂ψ (γ/2)ψ² is γψ
  },
};

export default impl;
