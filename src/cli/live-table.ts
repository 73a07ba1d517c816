/**
 * The live table of `gan-claims run`: one line per finished claim (id, status, runs, time). On a
 * TTY a status line below shows the running claims and their latest progress message; a non-TTY
 * (CI, a nightly log) gets plain lines, with a claim's progress at most once per `progressEveryMs`
 * so an hour-long slow claim shows it is alive without flooding the log.
 */
import type { ClaimResult } from '../runner/result.ts';


export class LiveTable {
  private running = new Map<string, string>();
  private lastLogged = new Map<string, number>();
  private readonly tty: boolean;
  private readonly width: number;

  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, private readonly idWidth: number, private readonly progressEveryMs = 60_000) {
    this.tty = !!out.isTTY && process.env['CI'] !== 'true';
    this.width = out.columns ?? 100;
  }

  start(id: string): void {
    this.running.set(id, '');
    this.lastLogged.set(id, Date.now());
    this.status();
  }

  progress(id: string, message: string): void {
    if (!this.tty) {
      const now = Date.now();
      if (now - (this.lastLogged.get(id) ?? 0) < this.progressEveryMs) return;
      this.lastLogged.set(id, now);
      this.out.write(`  … ${id}: ${message}\n`);
      return;
    }
    this.running.set(id, message);
    this.status();
  }

  result(r: ClaimResult): void {
    this.running.delete(r.id);
    this.lastLogged.delete(r.id);
    const expectNote = r.passed ? (r.expect !== 'holds' && r.status !== 'skipped' ? ` (expected ${r.expect})` : '') : `  ← expected ${r.expect}`;
    const icon = r.status === 'skipped' ? '-' : r.passed ? '✓' : r.status === 'error' ? '!' : '✗';
    const line = `${icon} ${r.id.padEnd(this.idWidth)}  ${r.status.padEnd(9)} ${String(r.numRuns).padStart(5)} runs ${(r.durationMs / 1000).toFixed(2).padStart(8)} s${expectNote}`;
    this.clear();
    this.out.write(`${line}\n`);
    if (!r.passed && r.message) this.out.write(`    ${r.message.split('\n')[0]}\n    replay: ${r.replay}\n`);
    this.status();
  }

  done(): void {
    this.clear();
  }

  private clear(): void {
    if (this.tty) this.out.write('\r\x1b[K');
  }

  private status(): void {
    if (!this.tty || this.running.size === 0) return;
    const parts = [...this.running].map(([id, m]) => (m ? `${id}: ${m}` : id));
    this.clear();
    this.out.write(`  running: ${parts.join(' | ')}`.slice(0, this.width - 1));
  }
}
