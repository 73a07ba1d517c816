/**
 * The dense smoke generator as a float64 Mlp of the jacobian-clamping system (src/systems/
 * jacobian-clamping), whose analytic forward-mode Jacobian is an independent check of jacobian.ts.
 * tf stores W as [in, out]; the Mlp wants row-major out × in.
 */
import type { Mlp } from '../systems/jacobian-clamping/mlp.ts';
import type { Net } from './gan-models.ts';

export function denseGeneratorToMlp(G: Net): Mlp {
  if (G.vars.length !== 6) throw new TypeError('denseGeneratorToMlp: expects the dense generator (3 weights then 3 biases)');
  const Ws = G.vars.slice(0, 3);
  const bs = G.vars.slice(3);
  const sizes = [Ws[0]!.shape[0]!, ...Ws.map((w) => w.shape[1]!)];
  const W = Ws.map((w) => {
    const [nin, nout] = w.shape as [number, number];
    const d = w.dataSync();
    const out = new Float64Array(nin * nout);
    for (let i = 0; i < nin; i++) for (let o = 0; o < nout; o++) out[o * nin + i] = d[i * nout + o]!;
    return out;
  });
  return { sizes, acts: ['relu', 'relu', 'tanh'], W, b: bs.map((b) => Float64Array.from(b.dataSync())) };
}
