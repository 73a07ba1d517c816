/**
 * Gating a user's NTK-coupled particle model (001): the correct implementation passes every fast
 * claim that reads `particle-gan`; each buggy one (one realistic bug each, see its header) is caught.
 */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-particles.ts';
import buggyLocalTerm from './buggy-local-term.ts';
import buggyRegSign from './buggy-reg-sign.ts';
import buggyNormalisation from './buggy-normalisation.ts';
import buggyStepOrder from './buggy-step-order.ts';
import buggyMetric from './buggy-metric.ts';

const dir = 'examples/particle-gan-gate';

gateTests({
  system: 'particle-gan',
  correct: { file: `${dir}/correct-particles.ts`, impl: correct },
  buggy: [
    { file: `${dir}/buggy-local-term.ts`, impl: buggyLocalTerm, bug: 'eq. 26 local term (g₁ − g₂)/N written g₁/N', caughtBy: ['eff.velocity', 'eff.velocity.alg1-step', 'eff.split-condition.grid.corrected'] },
    { file: `${dir}/buggy-reg-sign.ts`, impl: buggyRegSign, bug: 'regulariser gradient with the wrong sign in the discriminator step', caughtBy: ['eff.velocity.alg1-step'] },
    { file: `${dir}/buggy-normalisation.ts`, impl: buggyNormalisation, bug: 'coupling normalised to g₁ + g₂(N − 1) = N − 1', caughtBy: ['eff.gram-spectrum'] },
    { file: `${dir}/buggy-step-order.ts`, impl: buggyStepOrder, bug: 'particles moved before the discriminator steps', caughtBy: ['eff.velocity.alg1-step'] },
    { file: `${dir}/buggy-metric.ts`, impl: buggyMetric, bug: 'mode-collapse metric log K − Σ P log P', caughtBy: ['eff.mode-collapse-metric'] },
  ],
});
