/**
 * The tf-generator and tf-discriminator systems' shapes, from the package (type-only exports:
 * importing them loads no TensorFlow.js).
 */
import type * as tfjs from '@tensorflow/tfjs';

export type Tf = typeof tfjs;
export type { TfGenerator, TfGeneratorModel, TfDiscriminator, TfDiscriminatorNet, TfDiscriminatorSpec } from 'gan-claims';
