/** report.md: summary table, each counterexample with its replay command, figures embedded. */
import type { Report } from './report.ts';
import type { ClaimResult } from '../runner/result.ts';

const MARK: Record<string, string> = { holds: '✅ holds', refuted: '❌ refuted', 'not-shown': '❔ not shown', error: '💥 error', skipped: '⏭ skipped' };

export function figureFile(id: string, name: string): string {
  return `figures/${id}.${name}.svg`;
}

export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const lines: string[] = [
    '# gan-claims report',
    '',
    `Global seed **${report.globalSeed}** · started ${report.startedAt} · ${(report.durationMs / 1000).toFixed(1)} s · ` +
      `Node ${report.machine.node} on ${report.machine.cpus}× ${report.machine.cpuModel}`,
    '',
    `**${s.passed} of ${s.total} claims as expected** (${s.holds} hold, ${s.refuted} refuted, ${s.notShown ?? 0} not shown, ${s.error} errors, ${s.skipped} skipped; ${s.failed} not as expected).`,
    '',
    '| claim | tier | kind | expect | status | as expected | runs | time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.results.map((r) =>
      `| \`${r.id}\` | ${r.tier} | ${r.kind} | ${r.expect} | ${MARK[r.status]} | ${r.passed ? 'yes' : '**NO**'} | ${r.numRuns} | ${(r.durationMs / 1000).toFixed(2)} s |`),
    '',
  ];
  const refutedOrFailed = report.results.filter((r) => r.status !== 'holds' || !r.passed);
  if (refutedOrFailed.length > 0) {
    lines.push('## Counterexamples, refutations and errors', '');
    for (const r of refutedOrFailed) lines.push(...detail(r), '');
  }
  const withFigures = report.results.filter((r) => r.figures && r.figures.length > 0);
  if (withFigures.length > 0) {
    lines.push('## Figures', '');
    for (const r of withFigures) {
      for (const f of r.figures!) lines.push(`### \`${r.id}\`: ${f.title}`, '', `![${f.title}](${figureFile(r.id, f.name)})`, '');
    }
  }
  lines.push('## Evidence', '');
  for (const r of report.results) {
    lines.push(`<details><summary><code>${r.id}</code> (${r.status})</summary>`, '', '```json', JSON.stringify(r.evidence, null, 2), '```', '</details>', '');
  }
  return lines.join('\n');
}

function detail(r: ClaimResult): string[] {
  const out = [`### \`${r.id}\`: ${r.status}${r.expect === 'refuted' ? ' (expected: the printed statement is refuted)' : r.expect === 'not-shown' ? ' (expected: not decided at this scale)' : ''}`, ''];
  if (r.message) out.push(`> ${r.message.replace(/\n/g, '\n> ')}`, '');
  if (r.counterexampleText) out.push('Shrunk counterexample:', '', '```', r.counterexampleText, '```', '');
  out.push('Replay:', '', '```sh', r.replay, '```');
  return out;
}
