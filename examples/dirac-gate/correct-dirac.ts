/**
 * A user's own Dirac-GAN implementation (what `--impl dirac-gan=./correct-dirac.ts` loads):
 * written independently of the built-in one, in the style of a training loop's gradient code.
 */
import type { dirac } from 'gan-claims';

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

const impl: dirac.DiracGan = {
  // 001 App. E: θ̇ = ∇_θ D = φ, φ̇ = −∇_φ(D + βφ²/2) = −θ − βφ.
  regularizedField: (beta) => (x, out) => {
    const [theta, phi] = [x[0]!, x[1]!];
    out[0] = phi;
    out[1] = -theta - beta * phi;
  },
  // Mescheder's Dirac-GAN: generator descends, discriminator ascends L = f(θψ) + f(0) − (γ/2)ψ².
  ganField: (loss, gamma) => (x, out) => {
    const [theta, psi] = [x[0]!, x[1]!];
    const fPrime = loss === 'wgan' ? 1 : sigmoid(-theta * psi);
    out[0] = -psi * fPrime;
    out[1] = theta * fPrime - gamma * psi;
  },
};

export default impl;
