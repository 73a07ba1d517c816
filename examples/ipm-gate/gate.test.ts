/**
 * Gating a user's Isolated Points Model dynamics (`--impl ipm=…`): the correct one gives every fast
 * claim that reads `ipm` its registered verdict (run with the user's own kernel family too); each
 * planted bug is caught.
 */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-ipm.ts';
import buggyGeneratorSign from './buggy-generator-sign.ts';
import buggyGeneratedMass from './buggy-generated-mass.ts';
import buggyAlternating from './buggy-alternating.ts';
import buggyRidgeStep from './buggy-ridge-step.ts';
import buggyInitialDecay from './buggy-initial-decay.ts';
import correctKernel from '../kernel-gate/correct-rbf.ts';

gateTests({
  system: 'ipm',
  correct: { file: 'examples/ipm-gate/correct-ipm.ts', impl: correct },
  // the user's own kernel as well: both systems replaced at once
  with: { kernel: { file: 'examples/kernel-gate/correct-rbf.ts', impl: correctKernel } },
  buggy: [
    { file: 'examples/ipm-gate/buggy-generator-sign.ts', impl: buggyGeneratorSign, bug: 'generator descends f (sign of eq. 9)', caughtBy: ['ipm.thm1.a', 'ipm.cor1'] },
    { file: 'examples/ipm-gate/buggy-generated-mass.ts', impl: buggyGeneratedMass, bug: 'discriminator step drops the masses p̃ⱼ', caughtBy: ['ipm.equilibrium', 'ipm.thm1.a'] },
    { file: 'examples/ipm-gate/buggy-alternating.ts', impl: buggyAlternating, bug: 'alternating instead of simultaneous update', caughtBy: ['ipm.thm1.a', 'ipm.cor1'] },
    { file: 'examples/ipm-gate/buggy-ridge-step.ts', impl: buggyRidgeStep, bug: 'ridge term without η_d: (1 − λ) instead of (1 − η_dλ)', caughtBy: ['ipm.equilibrium', 'ipm.eq26'] },
    { file: 'examples/ipm-gate/buggy-initial-decay.ts', impl: buggyInitialDecay, bug: 'f⁰ not decayed by (1 − η_dλ) in eq. (5)', caughtBy: ['ipm.eq5', 'ipm.thm1.a'] },
  ],
});
