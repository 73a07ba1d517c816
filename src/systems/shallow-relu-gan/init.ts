/**
 * Initialisations (000 §5 and Fig. 1): He initialisation scaled by α, and the V-shape
 * initialisation that biases a 1-D generator to bitonic functions.
 *
 * He: every weight and hidden bias ~ N(0, 2/fan_in) (fan_in = d for W and b, H for V), output
 * bias 0, then all multiplied by α (the "initialisation scale"). Random hidden biases spread the
 * breakpoints −b_i/w_i (with zero biases every breakpoint would sit at the origin).
 * V-shape: He weights, hidden biases 0 (all breakpoints at z = 0), output weights |v_i| > 0, so
 * G(z) = a₊·max(z, 0) + a₋·max(−z, 0) with a± > 0, a V with its vertex at the origin.
 */
import type { Rng } from '../../random/rng.ts';
import type { ShallowNet } from './net.ts';

function checkAlpha(alpha: number): void {
  if (!(alpha > 0) || !Number.isFinite(alpha)) throw new RangeError(`init: alpha must be a positive finite number, got ${alpha}`);
}

export function heInit(net: ShallowNet, rng: Rng, alpha = 1): ShallowNet {
  checkAlpha(alpha);
  const sIn = alpha * Math.sqrt(2 / net.d);
  const sOut = alpha * Math.sqrt(2 / net.H);
  for (let i = 0; i < net.W.length; i++) net.W[i] = sIn * rng.normal();
  for (let i = 0; i < net.b.length; i++) net.b[i] = sIn * rng.normal();
  for (let i = 0; i < net.V.length; i++) net.V[i] = sOut * rng.normal();
  net.c.fill(0);
  return net;
}

export function vShapeInit(net: ShallowNet, rng: Rng, alpha = 1): ShallowNet {
  heInit(net, rng, alpha);
  net.b.fill(0);
  for (let i = 0; i < net.V.length; i++) net.V[i] = Math.abs(net.V[i]!);
  return net;
}
