/**
 * Gating a user's infinite-width one-hidden-layer NTK (arc-cosine / arcsine kernels): the correct
 * implementation passes every fast claim that reads `ntk`; each buggy one (one realistic bug each,
 * see its header) is caught by the claims that compare it with sampled networks' NTKs.
 */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-ntk.ts';
import buggyNoBias from './buggy-no-bias.ts';
import buggyAngle from './buggy-angle.ts';
import buggyScale from './buggy-scale.ts';

const dir = 'examples/ntk-gate';

gateTests({
  system: 'ntk',
  correct: { file: `${dir}/correct-ntk.ts`, impl: correct },
  buggy: [
    { file: `${dir}/buggy-no-bias.ts`, impl: buggyNoBias, bug: 'bias variance dropped from the pre-activation covariance', caughtBy: ['eff.ntk-universality', 'eff.ntk-analytic'] },
    { file: `${dir}/buggy-angle.ts`, impl: buggyAngle, bug: 'arc-cosine angle taken between the inputs, not the pre-activations', caughtBy: ['eff.ntk-universality', 'eff.ntk-analytic'] },
    { file: `${dir}/buggy-scale.ts`, impl: buggyScale, bug: 'output scale c missing', caughtBy: ['eff.ntk-universality', 'eff.appg-values.reduced'] },
  ],
  runs: 30,
});
