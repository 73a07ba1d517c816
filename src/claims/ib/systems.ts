/**
 * The replaceable systems the ib.* claims read (built-in unless `--impl` names another): the 1-D
 * generators of 000 §3 and the shallow ReLU GAN of 000 §4–5.
 */
import type { ClaimContext } from '../claim.ts';
import { generator1d, type Generator1d } from '../../systems/generator-1d/index.ts';
import { shallowReluGan, type ShallowReluGan } from '../../systems/shallow-relu-gan/index.ts';

export function generatorSystem(ctx: ClaimContext): Generator1d {
  return ctx.impl<Generator1d>('generator-1d', generator1d);
}

export function ganSystem(ctx: ClaimContext): ShallowReluGan {
  return ctx.impl<ShallowReluGan>('shallow-relu-gan', shallowReluGan);
}
