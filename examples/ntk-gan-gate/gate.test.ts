/**
 * Gating the ntk-gan system (004's infinite-width discriminator flows, closed forms and particle
 * generator): the independent implementation gives every fast claim that reads it its registered
 * verdict (ntk.lsgan-closed-form stays refuted: that is a finding about the printed formula), and
 * each planted bug is caught.
 */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-ntk-gan.ts';
import buggyLsganRate from './buggy-lsgan-rate.ts';
import buggyEuclidean from './buggy-euclidean-gradient.ts';
import buggyAscent from './buggy-generator-ascent.ts';
import buggyPooled from './buggy-pooled-witness.ts';

gateTests({
  system: 'ntk-gan',
  correct: { file: 'examples/ntk-gan-gate/correct-ntk-gan.ts', impl: correct },
  buggy: [
    { file: 'examples/ntk-gan-gate/buggy-lsgan-rate.ts', impl: buggyLsganRate, bug: 'e^{−2tA} for e^{−4tA} in the LSGAN closed form', caughtBy: ['ntk.lsgan-closed-form.corrected'] },
    { file: 'examples/ntk-gan-gate/buggy-euclidean-gradient.ts', impl: buggyEuclidean, bug: 'Euclidean gradient instead of the L²(γ̂) one in the flow', caughtBy: ['ntk.ipm-linear', 'ntk.lsgan-closed-form.corrected'] },
    { file: 'examples/ntk-gan-gate/buggy-generator-ascent.ts', impl: buggyAscent, bug: 'generator particles move up ∇f_α̂', caughtBy: ['ntk.generator-mmd-flow'] },
    { file: 'examples/ntk-gan-gate/buggy-pooled-witness.ts', impl: buggyPooled, bug: 'witness sums divided by n + m', caughtBy: ['ntk.ipm-linear'] },
  ],
});
