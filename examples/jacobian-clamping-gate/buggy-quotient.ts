/**
 * correct-jc.ts with ONE bug: Algorithm 1's quotient without the division by ‖z − z′‖,
 * Q = ‖G(z) − G(z′)‖. At the paper's ε = 1 the two agree (‖z − z′‖ = ε = 1), which is how such a
 * slip survives a run at the paper's settings; at any other ε, Q is off by the factor ε and no longer
 * approaches ‖J_z δ̂‖ (a singular value of J_z in the direction δ̂) as ε → 0.
 */
import type { jacobianClamping } from 'gan-claims';
import { build } from './correct-jc.ts';

const impl: jacobianClamping.JacobianClamping = build({
  quotientDenominator: () => 1, // BUG: should be ‖z − z′‖
});

export default impl;
