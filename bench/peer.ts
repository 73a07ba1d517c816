/**
 * Runs a NumPy peer from ../shared/peers (the researcher's baseline) in the same benchmark run, so
 * ratios compare like with like on a shared, noisy machine. Returns its JSON line, or null with a
 * reason when python3/NumPy or the peers folder is missing (the bench then reports ours alone).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const peersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/peers');
/** This repository's own peers (bench/peers): the hot kernels ../shared/peers has no version of. */
const ownPeersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'peers');

/**
 * `own`: the script is in bench/peers. `oneThread`: BLAS pinned to one thread, so the figure is per
 * core like ours (our kernels are single-threaded; worker threads parallelise across runs).
 */
export function runPeer(script: string, args: string[] = [], opts: { own?: boolean; oneThread?: boolean } = {}): { result: Record<string, unknown> | null; reason?: string } {
  const dir = opts.own ? ownPeersDir : peersDir;
  const file = path.join(dir, script);
  if (!existsSync(file)) return { result: null, reason: `peer ${script} not found in ${dir}` };
  const env = opts.oneThread ? { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } : process.env;
  const r = spawnSync('python3', [file, ...args], { encoding: 'utf8', timeout: 30 * 60_000, env });
  if (r.status !== 0) return { result: null, reason: `peer ${script} failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}` };
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  return line ? { result: JSON.parse(line) as Record<string, unknown> } : { result: null, reason: `peer ${script} printed no JSON` };
}

/** Whether peers should run (`--no-peers` or GAN_CLAIMS_NO_PEERS=1 skips them for a quick bench). */
export function peersEnabled(): boolean {
  return !process.argv.includes('--no-peers') && process.env['GAN_CLAIMS_NO_PEERS'] !== '1';
}
