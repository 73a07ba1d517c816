export { diracGan, lossDerivative, type DiracGan, type DiracLoss } from './dirac-gan.ts';
export * from './closed-form.ts';
export { regularizedEndpoint, minimize1d, goldenSection, type TrajectoryEnd } from './energy.ts';
