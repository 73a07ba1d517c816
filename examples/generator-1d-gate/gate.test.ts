/** The generator-1d gating contract (examples/gate-harness.ts): correct passes, each planted bug is caught. */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-generator.ts';
import noJacobian from './buggy-jacobian.ts';
import equalWeights from './buggy-equal-weights.ts';
import oneTail from './buggy-one-tail.ts';

gateTests({
  system: 'generator-1d',
  correct: { file: 'examples/generator-1d-gate/correct-generator.ts', impl: correct },
  buggy: [
    { file: 'examples/generator-1d-gate/buggy-jacobian.ts', impl: noJacobian, bug: 'eq. (1a) density missing the 1/|G_p′| Jacobian factor', caughtBy: ['ib.thm1.density'] },
    { file: 'examples/generator-1d-gate/buggy-equal-weights.ts', impl: equalWeights, bug: 'quantile assumes equal mixture weights', caughtBy: ['ib.thm1.monotone', 'ib.bitonic-discontinuities'] },
    { file: 'examples/generator-1d-gate/buggy-one-tail.ts', impl: oneTail, bug: 'monotone G solved on the lower tail only (upper tail loses precision)', caughtBy: ['ib.thm1.monotone'] },
  ],
});
