/** Kernels: the interfaces systems take (one particle model runs with any kernel) and the built-ins. */
export type { Kernel } from './kernel.ts';
export type { FullKernel } from './full-kernel.ts';
export { rbfKernel } from './rbf.ts';
export { drawRff, rffFeatureMap, type RffMap } from './rff.ts';
export { featureKernel, type FeatureMap } from './finite-feature.ts';
export { sumKernels, concatFeatureMaps } from './multiscale.ts';
export { analyticNtkKernel, analyticNtkFromDots, type AnalyticNtkOptions, type AnalyticActivation } from './ntk-analytic.ts';
export { analyticNtk, type Ntk } from './ntk.ts';
export { rbfFamily, type KernelFamily } from './kernel-family.ts';
