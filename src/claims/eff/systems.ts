/**
 * The two replaceable systems the eff.* claims read (`--impl particle-gan=…`, `--impl ntk=…`). A
 * claim that calls one of these lists the system in `systems`; the comparisons it makes are with
 * computations that do not go through the system (literal sums of eq. 25/28, an eigensolver, counts,
 * a reference Algorithm 1 iteration, the empirical NTK of sampled networks).
 */
import type { ClaimContext } from '../claim.ts';
import { particleGan, type ParticleGan } from '../../systems/particle-gan/particle-gan.ts';
import { analyticNtk, type Ntk } from '../../kernels/ntk.ts';

export function particleSystem(ctx: ClaimContext): ParticleGan {
  return ctx.impl<ParticleGan>('particle-gan', particleGan);
}

export function ntkSystem(ctx: ClaimContext): Ntk {
  return ctx.impl<Ntk>('ntk', analyticNtk);
}
