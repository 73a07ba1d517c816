/**
 * The two replaceable systems the ipm.* claims read: `kernel` (a width-σ kernel family, the RBF of
 * 002 eq. 7 built in) and `ipm` (the dynamics, eq. 4/5 + 9/11b). A claim that calls one of these
 * must list the system in `systems`.
 */
import type { ClaimContext } from '../claim.ts';
import { rbfFamily, type KernelFamily } from '../../kernels/kernel-family.ts';
import { isolatedPoints, type Ipm } from '../../systems/isolated-points/ipm.ts';

export function kernelOf(ctx: ClaimContext): KernelFamily {
  return ctx.impl<KernelFamily>('kernel', rbfFamily);
}

export function ipmOf(ctx: ClaimContext): Ipm {
  return ctx.impl<Ipm>('ipm', isolatedPoints);
}

/** Both systems, for the claims that run a user's dynamics with a user's kernel. */
export interface IpmSystems {
  kernel: KernelFamily;
  ipm: Ipm;
}

export function systemsOf(ctx: ClaimContext): IpmSystems {
  return { kernel: kernelOf(ctx), ipm: ipmOf(ctx) };
}

/** The built-ins (for helpers called outside a claim). */
export const BUILTIN_SYSTEMS: IpmSystems = { kernel: rbfFamily, ipm: isolatedPoints };

/**
 * Why the figure reproductions (ipm.fig2–fig4) stay on the built-ins: they are the paper's exact
 * figures with their exact kernels (the RBF of eq. 7 or m paired random Fourier features), run by
 * batched simulators (RffBatch, in worker threads; LineRbf, the 1-d reduction) that the `kernel`
 * and `ipm` interfaces do not describe.
 */
export const FIGURE_BUILTIN_NOTE = 'Built-in only (not --impl replaceable): the paper\'s exact figure setup and kernel, run by the batched simulators of systems/isolated-points (RffBatch, LineRbf).';
