/**
 * Isolated Points Model, Fig. 3 workload (002 §7): trial-steps per second of the batched RFF
 * simulation (src/systems/isolated-points/rff-batch.ts) in worker threads, next to the NumPy peer
 * ../shared/peers/ipm_fig3.py on the same setup in the same run (d = 2, 4 + 4 points, m = 256
 * frequencies, 100 trials, σ = 0.1 and σ = 1, λ = 0.01, η = 10⁻³), the projected time of the
 * paper's full d = 2 experiment (100 trials × 40 000 steps × 10 widths), and the same for d = 10
 * (10 + 10 points: ≈ 4.5× the arithmetic per trial-step; no peer, the NumPy script is d = 2 only).
 */
import os from 'node:os';
import type { BenchRow } from './run.ts';
import { runFig3Tasks, splitTrials } from '../src/claims/ipm/fig3-pool.ts';
import { runPeer, peersEnabled } from './peer.ts';

const STEPS = 2000;
const TRIALS = 100;
const PAPER_TRIAL_STEPS = 100 * 40_000 * 10;

async function ours(workers: number, d = 2, steps = STEPS): Promise<number> {
  const tasks = [0.1, 1].flatMap((sigma, si) => splitTrials(TRIALS, workers).map(([a, b]) => ({ d, sigma, sigmaIndex: si, trialStart: a, trialEnd: b, steps, seed: 1, m: 256, eta: 1e-3 })));
  // warm-up (JIT, worker start) on a short run, then time
  await runFig3Tasks(tasks.map((t) => ({ ...t, steps: 50 })), workers);
  const t0 = performance.now();
  await runFig3Tasks(tasks, workers);
  return (2 * TRIALS * steps) / ((performance.now() - t0) / 1000);
}

export async function bench(): Promise<BenchRow[]> {
  const workers = Math.max(1, Math.min(2, os.availableParallelism?.() ?? 2));
  const load = os.loadavg()[0]!;
  const one = await ours(1);
  const many = workers > 1 ? await ours(workers) : one;
  const rows: BenchRow[] = [
    { name: 'ipm fig3 trial-steps/s (1 thread)', value: Math.round(one), unit: '1/s', note: `d=2, m=256, ${TRIALS} trials × ${STEPS} steps, σ ∈ {0.1, 1}; load ${load.toFixed(1)}` },
    { name: `ipm fig3 trial-steps/s (${workers} worker threads)`, value: Math.round(many), unit: '1/s' },
    { name: 'ipm fig3 projected full d=2 reproduction', value: Math.round(PAPER_TRIAL_STEPS / many), unit: 's', note: '100 trials × 40 000 steps × 10 widths' },
  ];
  const d10 = await ours(workers, 10, STEPS / 5);
  rows.push(
    { name: `ipm fig3 d=10 trial-steps/s (${workers} worker threads)`, value: Math.round(d10), unit: '1/s', note: `${TRIALS} trials × ${STEPS / 5} steps` },
    { name: 'ipm fig3 projected full d=10 reproduction', value: Math.round(PAPER_TRIAL_STEPS / d10), unit: 's', note: '100 trials × 40 000 steps × 10 widths' },
  );
  if (peersEnabled()) {
    const { result, reason } = runPeer('ipm_fig3.py', ['--steps', String(STEPS), '--trials', String(TRIALS)]);
    if (result) {
      const peer = Number(result['trial_steps_per_s']);
      rows.push({ name: 'ipm fig3 NumPy peer trial-steps/s', value: peer, unit: '1/s', note: `same run; peer load ${Number(result['loadavg_start']).toFixed(1)}` });
      rows.push({ name: 'ipm fig3 speed-up vs NumPy peer', value: +(many / peer).toFixed(2), unit: '×', note: 'target ≥ 3' });
    } else {
      rows.push({ name: 'ipm fig3 NumPy peer', value: NaN, unit: '', note: reason });
    }
  }
  return rows;
}
