/**
 * gan-claims as a library: the registry and runner, claim constructors and check helpers,
 * arbitraries' building blocks, and each system's interface, so a project can check its own
 * implementation against the papers' statements (see examples/).
 */
export * from './claims/index.ts';
export { runClaim, runMany, DEFAULT_RUNS, replayCommand, allClaims, loadClaimFiles, type ClaimResult, type Status, type RunOptions } from './runner/index.ts';
export { buildReport, writeReportDir, renderMarkdown, type Report } from './report/index.ts';
export { Rng, deriveSeed, DEFAULT_SEED } from './random/index.ts';
export * as linalg from './linalg/index.ts';
export * as integrators from './integrators/index.ts';
// Each system's interface (what `--impl <system>=./file.ts` replaces) with its built-in implementation.
export * as dirac from './systems/dirac-gan/index.ts';
export * as kernels from './kernels/index.ts';
export * as ipm from './systems/isolated-points/index.ts';
export * as particleGan from './systems/particle-gan/index.ts';
export * as ntkGan from './systems/ntk-gan/index.ts';
export * as generator1d from './systems/generator-1d/index.ts';
export * as shallowReluGan from './systems/shallow-relu-gan/index.ts';
export * as jacobianClamping from './systems/jacobian-clamping/index.ts';
export type { Kernel } from './kernels/kernel.ts';
// The TensorFlow.js model hooks (types only: importing them loads no TensorFlow.js).
export type { TfGenerator, TfGeneratorModel } from './tf/tf-generator.ts';
export type { TfDiscriminator, TfDiscriminatorNet, TfDiscriminatorSpec } from './tf/tf-discriminator.ts';
export { default as fc } from 'fast-check';
export { main as cli } from './cli/main.ts';
