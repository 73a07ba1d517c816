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

export function runPeer(script: string, args: string[] = []): { result: Record<string, unknown> | null; reason?: string } {
  const file = path.join(peersDir, script);
  if (!existsSync(file)) return { result: null, reason: `peer ${script} not found in ${peersDir}` };
  const r = spawnSync('python3', [file, ...args], { encoding: 'utf8', timeout: 30 * 60_000 });
  if (r.status !== 0) return { result: null, reason: `peer ${script} failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}` };
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  return line ? { result: JSON.parse(line) as Record<string, unknown> } : { result: null, reason: `peer ${script} printed no JSON` };
}

/** Whether peers should run (`--no-peers` or GAN_CLAIMS_NO_PEERS=1 skips them for a quick bench). */
export function peersEnabled(): boolean {
  return !process.argv.includes('--no-peers') && process.env['GAN_CLAIMS_NO_PEERS'] !== '1';
}
