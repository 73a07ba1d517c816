/** The Isolated Points Model (002): dynamics, region equilibria, linearisation, Theorem 1 constants. */
export * from './types.ts';
export { ParamSpaceIpm } from './param-space.ts';
export { paramStepJacobian } from './param-jacobian.ts';
export { FunctionSpaceIpm, BumpDiscriminator, type BaseFunction } from './function-space.ts';
export {
  excessMass, thm1Equilibrium, thm1ThetaStar, equilibriumDiscriminator, equilibriumResidual, probePoints,
  reducedJacobian, reducedGenerator, type RegionEquilibrium,
} from './region.ts';
export { functionSpaceReducedMap, functionSpaceJacobianFD } from './fd-jacobian.ts';
export { simultaneousStepBound, type StepBound } from './step-size.ts';
export { kernelConstants, type KernelConstants } from './constants.ts';
export { RffBatch, rffMeanTrue, type RffBatchSetup } from './rff-batch.ts';
export { thm3Speed, thm3SpeedResidual, DivergenceSim, type Thm3Params, type Thm3Reading } from './divergence.ts';
export { LineRbf, type LineRbfSetup } from './line-rbf.ts';
export { polytopeDirections, symmetricPatterns, solveEquilibrium, rotationTangents } from './collapse.ts';
export { isolatedPoints, type Ipm, type IpmRun, type IpmStart, type Discriminator } from './ipm.ts';
