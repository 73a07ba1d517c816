/** Generator conditioning and Jacobian Clamping (003). */
export { jacobianClamping, type JacobianClamping } from './jacobian-clamping.ts';
export * from './mlp.ts';
export { metricTensorOf, metricTensor, metricSpectrum, meanLogCondition, type MetricSpectrum } from './metric-tensor.ts';
export { clampPenalty, clampPenaltyDeriv, quotient, clampPerturbation, clampBatch, clampBatchWith, PAPER_CLAMP, type ClampConfig, type ClampBatchResult } from './clamp.ts';
export { Adam, zeroGrad, type AdamConfig } from './adam.ts';
export { ringCentres, sampleRing, type RingMixture } from './toy-data.ts';
export { trainGan, type GanConfig, type GanRun } from './trainer.ts';
