/** Adam (Kingma & Ba 2015) over an MLP's parameter arrays, in place, no allocation per step. */
import { zerosLike, type Mlp } from './mlp.ts';

export interface AdamConfig { lr: number; beta1: number; beta2: number; epsilon: number }

export class Adam {
  private readonly m;
  private readonly v;
  private t = 0;
  constructor(private readonly net: Mlp, private readonly cfg: AdamConfig) {
    if (!(cfg.lr > 0)) throw new RangeError(`Adam: lr must be > 0, got ${cfg.lr}`);
    this.m = zerosLike(net);
    this.v = zerosLike(net);
  }

  /** Descent step along `grad` (a parameter-shaped gradient of the loss to minimise). */
  step(grad: { W: Float64Array[]; b: Float64Array[] }): void {
    this.t++;
    const { lr, beta1, beta2, epsilon } = this.cfg;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const upd = (p: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array): void => {
      for (let i = 0; i < p.length; i++) {
        const gi = g[i]!;
        m[i] = beta1 * m[i]! + (1 - beta1) * gi;
        v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi;
        p[i]! -= (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + epsilon);
      }
    };
    for (let l = 0; l < this.net.W.length; l++) {
      upd(this.net.W[l]!, grad.W[l]!, this.m.W[l]!, this.v.W[l]!);
      upd(this.net.b[l]!, grad.b[l]!, this.m.b[l]!, this.v.b[l]!);
    }
  }
}

export function zeroGrad(grad: { W: Float64Array[]; b: Float64Array[] }): void {
  for (const w of grad.W) w.fill(0);
  for (const b of grad.b) b.fill(0);
}
