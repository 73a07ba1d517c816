/**
 * Dirac-GAN RK4 sweep, the workload of ../shared/peers/dirac_rk4.py: θ′ = φ, φ′ = −θ − βφ from
 * (1, 0), dt = 1e-3 to T = 10, 200 values of β on [0, 10]. Ours integrates each β through the
 * system's VectorField with the allocation-free Rk4 (the code path the claims use); the peer is a
 * Python loop over steps vectorised over β. Best of 3; the peer runs in the same bench run.
 */
import { Rk4 } from '../src/integrators/rk4.ts';
import { diracGan } from '../src/systems/dirac-gan/index.ts';
import { peersEnabled, runPeer } from './peer.ts';
import { peakNote } from './peak.ts';
import type { BenchRow } from './run.ts';

const DT = 1e-3;
const T = 10;
const N_BETA = 200;
const REPEATS = 3;
/** Floating-point operations per RK4 step of the 2-D linear field: 4 evaluations × 3 + 4 stage updates × 2·2 + the final combination 2·6. */
const FLOP_PER_STEP = 4 * 3 + 4 * 4 + 12;

function sweep(): { seconds: number; theta: Float64Array } {
  const steps = Math.round(T / DT);
  const theta = new Float64Array(N_BETA);
  const x = new Float64Array(2);
  const t0 = performance.now();
  for (let i = 0; i < N_BETA; i++) {
    const beta = (10 * i) / (N_BETA - 1);
    x[0] = 1; x[1] = 0;
    new Rk4(diracGan.regularizedField(beta), 2).integrate(x, DT, steps);
    theta[i] = x[0]!;
  }
  return { seconds: (performance.now() - t0) / 1000, theta };
}

export async function bench(): Promise<BenchRow[]> {
  sweep(); // warm-up (JIT)
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) best = Math.min(best, sweep().seconds);
  const betaSteps = (N_BETA * T) / DT;
  const ours = betaSteps / best;
  const rows: BenchRow[] = [{ name: 'dirac RK4 sweep (200 β × 10⁴ steps), ours', value: ours, unit: 'β-steps/s', note: `best of ${REPEATS}: ${(best * 1000).toFixed(1)} ms; ${peakNote((ours * FLOP_PER_STEP) / 1e9)}` }];
  if (peersEnabled()) {
    const peer = runPeer('dirac_rk4.py');
    const p = peer.result?.['beta_steps_per_s'];
    if (typeof p === 'number') {
      rows.push({ name: 'dirac RK4 sweep, NumPy peer (same run)', value: p, unit: 'β-steps/s', note: `loadavg ${String(peer.result?.['loadavg_start'])}` });
      rows.push({ name: 'dirac RK4 sweep, ours / NumPy', value: ours / p, unit: '×' });
    } else rows.push({ name: 'dirac RK4 sweep, NumPy peer', value: NaN, unit: '-', note: peer.reason });
  }
  return rows;
}
