/**
 * A realistic bug: ReLU′ taken on the wrong side of the kink, 1[a < 0] instead of 1[a > 0] (a
 * flipped comparison in the backward pass). The forward pass is right, so ib.spline-reparam passes;
 * every gradient through a hidden unit flows through the inactive units instead, so the
 * backward pass no longer matches the closed-form Jacobian (ib.metrics) nor central differences
 * of the forward pass (ib.adaptivity.training-step).
 */
import type { shallowReluGan } from 'gan-claims';
import correct, { backward } from './correct-gan.ts';

const wrongSide = (a: number) => (a < 0 ? 1 : 0); // BUG: ReLU′(a) = 1[a > 0]

const impl: shallowReluGan.ShallowReluGan = {
  ...correct,
  backward: (net, X, n, gY) => backward(net, X, n, gY, wrongSide),
};

export default impl;
