/** The shallow-relu-gan gating contract (examples/gate-harness.ts): correct passes, each planted bug is caught. */
import { gateTests } from '../gate-harness.ts';
import correct from './correct-gan.ts';
import reluSide from './buggy-relu-side.ts';
import biasGrad from './buggy-bias-grad.ts';
import doubleLr from './buggy-double-lr.ts';
import batchSum from './buggy-batch-sum.ts';
import outputBias from './buggy-output-bias.ts';

gateTests({
  system: 'shallow-relu-gan',
  correct: { file: 'examples/shallow-relu-gan-gate/correct-gan.ts', impl: correct },
  buggy: [
    { file: 'examples/shallow-relu-gan-gate/buggy-relu-side.ts', impl: reluSide, bug: 'ReLU′ taken on the wrong side, 1[a < 0]', caughtBy: ['ib.metrics', 'ib.adaptivity.training-step'] },
    { file: 'examples/shallow-relu-gan-gate/buggy-bias-grad.ts', impl: biasGrad, bug: 'hidden-bias gradient dropped', caughtBy: ['ib.metrics', 'ib.adaptivity.training-step'] },
    { file: 'examples/shallow-relu-gan-gate/buggy-double-lr.ts', impl: doubleLr, bug: 'learning rate applied twice (SGD moves by lr²·g)', caughtBy: ['ib.adaptivity.training-step'] },
    { file: 'examples/shallow-relu-gan-gate/buggy-batch-sum.ts', impl: batchSum, bug: 'missing 1/B in the discriminator\'s batch-mean gradient', caughtBy: ['ib.adaptivity.training-step'] },
    { file: 'examples/shallow-relu-gan-gate/buggy-output-bias.ts', impl: outputBias, bug: 'output bias c left out of the forward pass', caughtBy: ['ib.spline-reparam'] },
  ],
});
