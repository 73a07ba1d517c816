/**
 * Gating a user's RBF kernel family (`--impl kernel=…`): the correct one gives every fast claim that
 * reads `kernel` its registered verdict; each planted bug is caught.
 */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-rbf.ts';
import buggyWidth from './buggy-width.ts';
import buggyGradSign from './buggy-grad-sign.ts';
import buggyHessianSign from './buggy-hessian-sign.ts';

gateTests({
  system: 'kernel',
  correct: { file: 'examples/kernel-gate/correct-rbf.ts', impl: correct },
  buggy: [
    { file: 'examples/kernel-gate/buggy-width.ts', impl: buggyWidth, bug: 'exp(−r²/σ²) instead of exp(−r²/2σ²)', caughtBy: ['ipm.kernel-width', 'ipm.eq26'] },
    { file: 'examples/kernel-gate/buggy-grad-sign.ts', impl: buggyGradSign, bug: 'gradient sign', caughtBy: ['ipm.thm1.a', 'ipm.cor1'] },
    { file: 'examples/kernel-gate/buggy-hessian-sign.ts', impl: buggyHessianSign, bug: '∇ₓ∇ₓ′K returned as +∇²ₓK', caughtBy: ['ipm.thm1.a', 'ipm.cor1'] },
  ],
});
