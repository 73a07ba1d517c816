/**
 * A realistic bug: the 1/B of the batch mean dropped from the discriminator's output gradients
 * (the loss is reported as a mean, but ∂L_D/∂D(x_s) is written σ(·) instead of σ(·)/B), so the
 * discriminator's gradient is B times that of L_D and its effective learning rate grows with the
 * batch. Central differences of the batch-mean loss (ib.adaptivity.training-step) catch it for B ≥ 2.
 */
import type { shallowReluGan } from 'gan-claims';
import correct, { backward, forward, sigmoid, softplus } from './correct-gan.ts';

const impl: shallowReluGan.ShallowReluGan = {
  ...correct,
  discriminatorLossGrad(G, D, Xr, Z, B) {
    const Xf = forward(G, Z, B);
    const real = forward(D, Xr, B);
    const fake = forward(D, Xf, B);
    let loss = 0;
    const gReal = new Float64Array(B);
    const gFake = new Float64Array(B);
    for (let s = 0; s < B; s++) {
      loss += (softplus(-real[s]!) + softplus(fake[s]!)) / B;
      gReal[s] = -sigmoid(-real[s]!); // BUG: missing / B
      gFake[s] = sigmoid(fake[s]!); // BUG: missing / B
    }
    const grad = backward(D, Xr, B, gReal).gTheta;
    const gf = backward(D, Xf, B, gFake).gTheta;
    for (let i = 0; i < grad.length; i++) grad[i] += gf[i]!;
    return { loss, grad };
  },
};

export default impl;
