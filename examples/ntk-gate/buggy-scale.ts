/**
 * correct-ntk.ts with one bug: the output scale c of f = √(c/H) Σ aᵢσ(·) left out of Θ (the √(2/H)
 * read-out of the paper's networks taken for the plain 1/√H one), so Θ is off by the factor c.
 */
import type { kernels, Kernel } from 'gan-claims';

type Opts = kernels.AnalyticNtkOptions;

interface Parts { k1: number; k0: number; k1x: number; k1xy: number; k0x: number; k0xy: number }

/** The two Gaussian expectations and their partials in q_x and q_xy. */
function parts(act: Opts['activation'], qx: number, qy: number, qxy: number): Parts {
  if (act === 'relu') {
    const n = Math.sqrt(qx * qy);
    const cos = Math.min(1, Math.max(-1, qxy / n));
    const th = Math.acos(cos), sin = Math.sin(th);
    const k1 = (n * (sin + (Math.PI - th) * cos)) / (2 * Math.PI);
    const k0 = (Math.PI - th) / (2 * Math.PI);
    // ∂k₁/∂q_xy = k₀; ∂k₁/∂q_x = (k₁ − q_xy k₀)/(2q_x); ∂k₀/∂q_xy = 1/(2π n sin θ); ∂k₀/∂q_x = −cos θ/(4π q_x sin θ).
    return { k1, k0, k1xy: k0, k1x: (k1 - qxy * k0) / (2 * qx), k0xy: 1 / (2 * Math.PI * n * sin), k0x: -cos / (4 * Math.PI * qx * sin) };
  }
  const A = 1 + 2 * qx, B = 1 + 2 * qy;
  const r = (2 * qxy) / Math.sqrt(A * B);
  const g = A * B - 4 * qxy * qxy;
  const dAsin = 1 / Math.sqrt(1 - r * r);
  return {
    k1: (2 / Math.PI) * Math.asin(r),
    k0: 4 / (Math.PI * Math.sqrt(g)),
    k1xy: (2 / Math.PI) * dAsin * (2 / Math.sqrt(A * B)),
    k1x: (2 / Math.PI) * dAsin * (-r / A),
    k0xy: (16 * qxy) / (Math.PI * g ** 1.5),
    k0x: (-4 * B) / (Math.PI * g ** 1.5),
  };
}

function theta(o: Opts, xx: number, yy: number, xy: number): { value: number; p: Parts; lin: number; ga: number; dlin: number } {
  const aVar = o.aVar ?? 1, c = o.c ?? 1;
  const p = parts(o.activation, o.wVar * xx + o.bVar, o.wVar * yy + o.bVar, o.wVar * xy + o.bVar);
  const ntkParam = (o.param ?? 'standard') === 'ntk';
  const ga = ntkParam ? aVar : 1;
  const lin = ntkParam ? aVar * (o.wVar * xy + o.bVar) : aVar * (xy + 1);
  const dlin = ntkParam ? aVar * o.wVar : aVar; // ∂lin/∂(x·y)
  return { value: ga * p.k1 + lin * p.k0, p, lin, ga, dlin }; // BUG: factor c missing
}

const dot = (x: Float64Array, y: Float64Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);

const impl: kernels.Ntk = {
  fromDots: (o, xx, yy, xy) => theta(o, xx, yy, xy).value,
  kernel(o): Kernel {
    const c = o.c ?? 1;
    return {
      name: `my-ntk-${o.activation}`,
      k: (x, y) => theta(o, dot(x, x), dot(y, y), dot(x, y)).value,
      // ∇ₓΘ: q_x depends on x through 2σ_w² x, q_xy through σ_w² y, and lin through x·y.
      gradX(x, y, out = new Float64Array(x.length)) {
        const t = theta(o, dot(x, x), dot(y, y), dot(x, y));
        const dqx = t.ga * t.p.k1x + t.lin * t.p.k0x;
        const dqxy = t.ga * t.p.k1xy + t.lin * t.p.k0xy;
        for (let i = 0; i < x.length; i++) out[i] = c * (dqx * 2 * o.wVar * x[i]! + dqxy * o.wVar * y[i]! + t.dlin * t.p.k0 * y[i]!);
        return out;
      },
    };
  },
};

export default impl;
