/**
 * Discriminator losses in 004's general form ("Setting"):
 *   L_α̂(f) = E_{x∼α̂}[(a∘f)(x)] − E_{y∼β̂}[(b∘f)(y)],  maximised by the discriminator,
 * each given with a′ and b′ so the function-space gradient needs no differencing.
 */
export interface DiscriminatorLoss {
  readonly name: string;
  a(v: number): number;
  da(v: number): number;
  b(v: number): number;
  db(v: number): number;
}

/** IPM / WGAN: a = b = id (004 "IPM Discriminator and MMD"). */
export const ipmLoss: DiscriminatorLoss = {
  name: 'ipm',
  a: (v) => v,
  da: () => 1,
  b: (v) => v,
  db: () => 1,
};

/**
 * LSGAN exactly as printed on the poster: L(f) = E_α̂[(f(x) + 1)²] − E_β̂[(f(y) − 1)²].
 * Maximising it drives f → +∞ on the fakes (the first term is unbounded above).
 */
export const lsganPrintedLoss: DiscriminatorLoss = {
  name: 'lsgan-as-printed',
  a: (v) => (v + 1) ** 2,
  da: (v) => 2 * (v + 1),
  b: (v) => (v - 1) ** 2,
  db: (v) => 2 * (v - 1),
};

/**
 * LSGAN with both squares penalised (a = −(·+1)², b = (·−1)²):
 *   L(f) = −E_α̂[(f(x) + 1)²] − E_β̂[(f(y) − 1)²],
 * maximised at f = −1 on the fakes and +1 on the targets (Mao et al.'s a = −1, b = 1 coding).
 */
export const lsganLoss: DiscriminatorLoss = {
  name: 'lsgan',
  a: (v) => -((v + 1) ** 2),
  da: (v) => -2 * (v + 1),
  b: (v) => (v - 1) ** 2,
  db: (v) => 2 * (v - 1),
};

/** L_α̂(f) from f's values on xs and ys. */
export function evaluateLoss(loss: DiscriminatorLoss, fx: ArrayLike<number>, fy: ArrayLike<number>): number {
  let sa = 0;
  for (let i = 0; i < fx.length; i++) sa += loss.a(fx[i]!);
  let sb = 0;
  for (let j = 0; j < fy.length; j++) sb += loss.b(fy[j]!);
  return sa / fx.length - sb / fy.length;
}
