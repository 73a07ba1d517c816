/**
 * Gating the jacobian-clamping system (003): a user's correct conditioning / Jacobian Clamping code
 * gets every fast jc claim's registered verdict; each buggy copy (one planted bug each) is refuted.
 */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-jc.ts';
import buggyLmin from './buggy-lmin.ts';
import buggyQuotient from './buggy-quotient.ts';
import buggyMetric from './buggy-metric.ts';
import buggyJacobian from './buggy-jacobian.ts';

gateTests({
  system: 'jacobian-clamping',
  correct: { file: 'examples/jacobian-clamping-gate/correct-jc.ts', impl: correct },
  buggy: [
    { file: 'examples/jacobian-clamping-gate/buggy-lmin.ts', impl: buggyLmin, bug: 'L_min written with λ_max', caughtBy: ['jc.clamp-loss'] },
    { file: 'examples/jacobian-clamping-gate/buggy-quotient.ts', impl: buggyQuotient, bug: 'Q without the division by ‖z − z′‖', caughtBy: ['jc.clamp-loss'] },
    { file: 'examples/jacobian-clamping-gate/buggy-metric.ts', impl: buggyMetric, bug: 'metric tensor JJᵀ instead of JᵀJ', caughtBy: ['jc.metric-tensor', 'jc.condition-number'] },
    { file: 'examples/jacobian-clamping-gate/buggy-jacobian.ts', impl: buggyJacobian, bug: 'activation derivative dropped in the Jacobian', caughtBy: ['jc.metric-tensor', 'jc.condition-number'] },
  ],
  runs: 30,
});
