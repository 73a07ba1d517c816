/**
 * correct-jc.ts with ONE bug, a copy-paste slip in Algorithm 1's penalty: L_min is written with
 * λ_max, L_min = (min(Q, λ_max) − λ_max)², so every Q below λ_max is penalised (L = (Q − λ_max)²
 * inside [λ_min, λ_max]) and Q below λ_min is pulled toward λ_max instead of λ_min.
 */
import type { jacobianClamping } from 'gan-claims';
import { build } from './correct-jc.ts';

const impl: jacobianClamping.JacobianClamping = build({
  penalty: (q, _lambdaMin, lambdaMax) => (Math.max(q, lambdaMax) - lambdaMax) ** 2 + (Math.min(q, lambdaMax) - lambdaMax) ** 2, // BUG: λ_max in L_min
});

export default impl;
