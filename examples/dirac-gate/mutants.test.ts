/** The dirac-gan gating contract (examples/gate-harness.ts): correct passes, each planted bug is caught. */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-dirac.ts';
import regulariserSign from './buggy-dirac.ts';
import halfPenalty from './buggy-penalty.ts';

gateTests({
  system: 'dirac-gan',
  correct: { file: 'examples/dirac-gate/correct-dirac.ts', impl: correct },
  buggy: [
    { file: 'examples/dirac-gate/buggy-dirac.ts', impl: regulariserSign, bug: 'regulariser sign flipped', caughtBy: ['dirac.eigs', 'dirac.critical-damping'] },
    { file: 'examples/dirac-gate/buggy-penalty.ts', impl: halfPenalty, bug: 'R1 penalty gradient halved', caughtBy: ['dirac.gp-converges'] },
  ],
});
