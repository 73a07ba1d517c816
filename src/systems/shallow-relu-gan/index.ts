/** Shallow ReLU GANs (000 §4–5): networks with hand-written float64 gradients, initialisations, spline view, training, metrics. */
export * from './net.ts';
export * from './init.ts';
export * from './spline.ts';
export * from './optim.ts';
export * from './datasets.ts';
export * from './gan.ts';
export * from './metrics.ts';
export * from './kl-target.ts';
export * from './regression.ts';
export { shallowReluGan, type ShallowReluGan } from './shallow-relu-gan.ts';
