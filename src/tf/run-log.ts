/**
 * One JSON line per finished training run, appended to ctx.options.runLog when set (gpu-main sets
 * <out>/runs.jsonl): a device call that hits its time limit still brings back every run it finished.
 */
import { appendFileSync } from 'node:fs';

export function logRun(options: Readonly<Record<string, string>>, claim: string, run: Record<string, unknown>): void {
  if (!options.runLog) return;
  appendFileSync(options.runLog, `${JSON.stringify({ claim, time: new Date().toISOString(), ...run })}\n`);
}
