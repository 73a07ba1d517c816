/**
 * Gating a user's TensorFlow.js models: a correct generator (tf.LayersModel) and discriminator pass
 * the fast claims that take them as their subject; each buggy copy (one planted bug) is refuted.
 */
import { gateTests } from '../gate-harness.ts';
import correctGenerator from './correct-generator.ts';
import buggyCustomGrad from './buggy-custom-grad.ts';
import buggyBatchStats from './buggy-batch-stats.ts';
import correctDiscriminator from './correct-discriminator.ts';
import buggyReadoutScale from './buggy-readout-scale.ts';
import buggyNoBias from './buggy-no-bias.ts';

gateTests({
  system: 'tf-generator',
  correct: { file: 'examples/tf-gate/correct-generator.ts', impl: correctGenerator },
  buggy: [
    { file: 'examples/tf-gate/buggy-custom-grad.ts', impl: buggyCustomGrad, bug: 'custom matMul gradient dy·W instead of dy·Wᵀ', caughtBy: ['jc.metric-tensor.tf'] },
    { file: 'examples/tf-gate/buggy-batch-stats.ts', impl: buggyBatchStats, bug: 'training-mode batch normalisation couples the samples', caughtBy: ['jc.metric-tensor.tf'] },
  ],
});

gateTests({
  system: 'tf-discriminator',
  correct: { file: 'examples/tf-gate/correct-discriminator.ts', impl: correctDiscriminator },
  buggy: [
    { file: 'examples/tf-gate/buggy-readout-scale.ts', impl: buggyReadoutScale, bug: 'read-out scale √c instead of √(c/H)', caughtBy: ['ntk.finite-width.tf'] },
    { file: 'examples/tf-gate/buggy-no-bias.ts', impl: buggyNoBias, bug: 'bias-free hidden layer', caughtBy: ['ntk.finite-width.tf'] },
  ],
});
