/**
 * correct-jc.ts with ONE bug: the Jacobian's backward pass drops the activation derivative
 * (treats σ′ as 1, J = W_L ⋯ W_1 instead of D_L W_L ⋯ D_1 W_1 with D = diag(σ′(pre))), so J_z, M_z
 * and κ are those of the linearised network without its tanh/ReLU slopes. The forward pass (and so
 * Algorithm 1's quotient and its gradient) is right.
 */
import type { jacobianClamping } from 'gan-claims';
import { build } from './correct-jc.ts';

const impl: jacobianClamping.JacobianClamping = build({
  jacobianSigmaPrime: () => 1, // BUG: σ′(pre) dropped
});

export default impl;
