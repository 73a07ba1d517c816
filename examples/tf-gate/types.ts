/**
 * The shapes of the tf-generator and tf-discriminator systems as a user's file writes them (the
 * interfaces are src/tf/tf-generator.ts and src/tf/tf-discriminator.ts; TensorFlow.js stays out of
 * the 'gan-claims' entry point, which loads it lazily, so a user re-declares these few lines).
 */
import type * as tfjs from '@tensorflow/tfjs';

export type Tf = typeof tfjs;

export interface TfGenerator {
  nz: number;
  nx: number;
  build(tf: Tf, seed: number): { model: tfjs.LayersModel | ((z: tfjs.Tensor2D) => tfjs.Tensor); dispose?(): void };
}

export interface TfDiscriminatorSpec { n: number; H: number; activation: 'relu' | 'erf'; wVar: number; bVar: number; aVar: number; c: number }

export interface TfDiscriminatorNet {
  apply(x: tfjs.Tensor2D): tfjs.Tensor;
  W: tfjs.Variable;
  b?: tfjs.Variable;
  a: tfjs.Variable;
  dispose?(): void;
}

export interface TfDiscriminator {
  build(tf: Tf, spec: TfDiscriminatorSpec, seed: number): TfDiscriminatorNet;
}
