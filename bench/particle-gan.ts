/**
 * 001 Algorithm 1, the core loop of every slow eff.* claim, against ../shared/peers/durr_alg1.py
 * (the same iteration in vectorised NumPy) in the same run: N = 200 particles from (√2, √2) ± 0.1,
 * ReLU discriminator of width 2048, n_disc = 5 SGD steps on fresh batches of 200 target points,
 * g₂/g₁ = 0.2, α_D = α_G = 0.1, float64. Also: the plain row loop (WideDisc.direct) for reference,
 * FLOP rate (the peer's FLOP count per iteration, i.e. the work the straightforward algorithm does)
 * against the machine's measured f64 peak, worker-thread scaling across grid cells, and the
 * projected time of the paper's full phase diagram.
 */
import { availableParallelism } from 'node:os';
import { couplingFromRatio, runAlg1, runGrid, WideDisc, type Alg1Config } from '../src/systems/particle-gan/index.ts';
import { Rng } from '../src/random/rng.ts';
import { peersEnabled, runPeer } from './peer.ts';
import { gemmPeak, peakNote } from './peak.ts';
import type { BenchRow } from './run.ts';

const N = 200, H = 2048, N_DISC = 5;
const ITERS = 60;
/** The peer's FLOP count per iteration (its docstring): 2(n_disc·2N·W(2d + 2) + N·W·2d), d = 2. */
const FLOP_PER_ITER = 2 * (N_DISC * 2 * N * H * 6 + N * H * 4);

function cfg(nDisc: number, iters: number, seed = 0): Alg1Config {
  return { N, disc: 'relu', H, phi: 0.2, nDisc, alphaD: 0.1, alphaG: 0.1, iters, init: 'appA', seed };
}

/** Iterations per second (wall and CPU) of one run, after a JIT warm-up run. */
function timeRun(nDisc: number, direct = false): { wall: number; cpu: number } {
  runAlg1({ ...cfg(nDisc, 5), direct });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  runAlg1({ ...cfg(nDisc, ITERS, 1), direct });
  const wall = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(c0);
  return { wall: ITERS / wall, cpu: ITERS / ((u.user + u.system) / 1e6) };
}

/**
 * The hot kernel of the longest slow-tier units (eff.critical-regularization and .fig8 at β = 100:
 * K = 40 regulariser-only sub-steps per discriminator step, ≈ 90 % of their time): one sub-step on
 * fixed particles, timed on the two clouds bench/peers/particle_reg.py uses, against it.
 * FLOP count: the straightforward algorithm's 14·N·H per sub-step (the peer's docstring).
 */
const REG_SUBSTEPS = 400;
const FLOP_PER_SUBSTEP = 14 * N * H;

function regClouds(rng: Rng): Record<'start' | 'spread', [Float64Array, Float64Array]> {
  const start: [Float64Array, Float64Array] = [new Float64Array(N), new Float64Array(N)];
  const spread: [Float64Array, Float64Array] = [new Float64Array(N), new Float64Array(N)];
  for (let p = 0; p < N; p++) {
    start[0][p] = Math.SQRT2 + 0.1 * rng.normal();
    start[1][p] = Math.SQRT2 + 0.1 * rng.normal();
    const ang = (2 * Math.PI * Math.floor(8 * rng.uniform())) / 8;
    spread[0][p] = 2 * Math.cos(ang) + 0.3 * rng.normal();
    spread[1][p] = 2 * Math.sin(ang) + 0.3 * rng.normal();
  }
  return { start, spread };
}

function regSubstepRate(x0: Float64Array, x1: Float64Array, seed: number): { wall: number; cpu: number } {
  const disc = new WideDisc(H, 'relu', new Rng(seed));
  const reg = { beta: 100, coupling: couplingFromRatio(0.2, N) };
  const none = new Float64Array(0);
  const sub = 0.1 / 40;
  for (let k = 0; k < 20; k++) disc.step(x0, x1, N, none, none, 0, sub, reg, undefined, { regOnly: true });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < REG_SUBSTEPS; k++) disc.step(x0, x1, N, none, none, 0, sub, reg, undefined, { regOnly: true });
  const wall = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(c0);
  return { wall: REG_SUBSTEPS / wall, cpu: REG_SUBSTEPS / ((u.user + u.system) / 1e6) };
}

function regKernelRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const clouds = regClouds(new Rng(7));
  const peer = peersEnabled() ? runPeer('particle_reg.py', ['--substeps', '200'], { own: true, oneThread: true }) : null;
  for (const name of ['start', 'spread'] as const) {
    const ours = regSubstepRate(clouds[name][0], clouds[name][1], 11);
    const what = name === 'start' ? 'particles at the App. A start' : 'particles spread over the 8 modes';
    rows.push({ name: `hot kernel: regulariser sub-step (N 200, H 2048, ${name}), ours`, value: ours.cpu, unit: 'sub/CPU-s', note: `${what}; equivalent ${peakNote((FLOP_PER_SUBSTEP * ours.cpu) / 1e9)}` });
    const p = peer?.result?.[name] as Record<string, number> | undefined;
    if (p) {
      rows.push({ name: `hot kernel: regulariser sub-step (${name}), NumPy peer`, value: p['substeps_per_cpu_s']!, unit: 'sub/CPU-s', note: `bench/peers/particle_reg.py, 1 BLAS thread; ${peakNote(p['gflops']!)}` });
      rows.push({ name: `hot kernel: regulariser sub-step (${name}), ours / NumPy`, value: ours.cpu / p['substeps_per_cpu_s']!, unit: '×', note: 'per core' });
    } else if (peer) rows.push({ name: 'hot kernel: regulariser sub-step, NumPy peer', value: NaN, unit: '-', note: peer.reason ?? 'no result' });
  }
  return rows;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = regKernelRows();
  const ours = timeRun(N_DISC);
  rows.push({ name: 'particle-gan Alg. 1 (N 200, width 2048, n_disc 5), ours', value: ours.wall, unit: 'it/s', note: `${ours.cpu.toFixed(1)} it/CPU-s; spatially grouped ReLU rows, 1 thread` });
  const direct = timeRun(N_DISC, true);
  rows.push({ name: 'particle-gan Alg. 1, plain row loop (reference)', value: direct.wall, unit: 'it/s', note: `${direct.cpu.toFixed(1)} it/CPU-s` });
  rows.push({ name: 'particle-gan Alg. 1 equivalent FLOP rate, ours', value: (FLOP_PER_ITER * ours.wall) / 1e9, unit: 'GFLOP/s', note: `the straightforward algorithm's ${(FLOP_PER_ITER / 1e6).toFixed(1)} MFLOP per iteration × our it/s` });
  if (peersEnabled()) {
    const peer = runPeer('durr_alg1.py', ['--iters', '40']);
    const t1 = peer.result?.['threads_1'] as Record<string, number> | undefined;
    if (t1) {
      rows.push({ name: 'particle-gan Alg. 1, NumPy peer (1 thread)', value: t1['iters_per_s']!, unit: 'it/s', note: `${t1['iters_per_cpu_s']} it/CPU-s, ${t1['gflops']} GFLOP/s` });
      rows.push({ name: 'particle-gan Alg. 1 speed-up over the peer (per core)', value: ours.cpu / t1['iters_per_cpu_s']!, unit: '×', note: `wall-clock ratio ${(ours.wall / t1['iters_per_s']!).toFixed(2)}×; target ≥ 2×` });
    } else rows.push({ name: 'particle-gan NumPy peer', value: NaN, unit: '', note: peer.reason ?? 'no threads_1 field' });
    // One core's GEMM peak as peak.ts measures it (BLAS pinned to one thread): machine_peak.py's
    // `float64_threads1` reads about twice that here, i.e. it does not pin its BLAS to one thread.
    const f64 = gemmPeak();
    if (f64) rows.push({ name: 'particle-gan Alg. 1 equivalent rate / machine f64 GEMM peak (1 core)', value: (100 * (FLOP_PER_ITER * ours.cpu) / 1e9) / f64, unit: '%', note: `peak ${f64.toFixed(1)} GFLOP/s (numpy GEMM, 1 thread, measured now)` });
  }
  // Worker threads across grid cells.
  const threads = availableParallelism();
  const cells = Array.from({ length: 2 * threads }, (_, i) => cfg(N_DISC, 30, i));
  const t0 = performance.now();
  await runGrid(cells, { threads });
  const par = (cells.length * 30) / ((performance.now() - t0) / 1000);
  rows.push({ name: `particle-gan grid cells over ${threads} worker threads`, value: par, unit: 'it/s', note: `${cells.length} cells × 30 iterations, total throughput incl. worker start-up` });
  // Projection: t(iteration) = n_disc·t_d + t_g from n_disc = 1 and 5.
  const one = timeRun(1);
  const td = Math.max(1e-9, (1 / ours.cpu - 1 / one.cpu) / (N_DISC - 1));
  const tg = Math.max(0, 1 / one.cpu - td);
  // The paper's Fig. 5 grid as we read it: 20 log-spaced g₂/g₁ × n_disc = 1…20, 5060 iterations (5000 + the ±n·20 window).
  const nd = Array.from({ length: 20 }, (_, i) => i + 1);
  const cpuSeconds = 20 * nd.reduce((s, n) => s + 5060 * (n * td + tg), 0);
  rows.push({ name: 'projected paper phase diagram (20 × 20 cells, 5060 it)', value: cpuSeconds / threads / 3600, unit: 'h', note: `${(cpuSeconds / 3600).toFixed(1)} CPU-h over ${threads} threads; over an hour, so the slow tier runs a coarser grid (see eff.phase-transition)` });
  return rows;
}
