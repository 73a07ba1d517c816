/** NTK view of GAN discriminators (004): function-space flows on an empirical training measure. */
export { trainingMeasure, type TrainingMeasure } from './training-measure.ts';
export { gramMatrix, crossGram } from './gram.ts';
export { applyIntegralOperator, integralOperatorMatrix } from './integral-operator.ts';
export { ipmLoss, lsganLoss, lsganPrintedLoss, evaluateLoss, type DiscriminatorLoss } from './losses.ts';
export { functionSpaceGradient, discriminatorFlowField, integrateDiscriminatorFlow, type FlowResult, type FlowOptions } from './discriminator-flow.ts';
export { witness, witnessGradient, ipmClosedForm } from './ipm-closed-form.ts';
export { lsganClosedForm, type LsganClosedForm } from './lsgan-closed-form.ts';
export { generatorParticleStep, mmdDescentRate, runGeneratorFlow, type GeneratorFlowResult, type ParticleStep } from './generator-flow.ts';
export { cloneNet, evaluateNet, netNtkGram, trainIpmAscent } from './finite-width.ts';
export { ntkGan, type NtkGan } from './ntk-gan.ts';
