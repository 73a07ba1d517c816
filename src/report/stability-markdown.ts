/** stability.md: per claim, how many seeds gave its expected verdict, and the first that did not. */
import type { ClaimStability, Spread, StabilityReport } from '../runner/stability.ts';

const fmtP = (x: number) => (x < 1e-4 ? x.toExponential(1) : x.toPrecision(2));
const fmtSpread = (s: Spread | undefined, f: (x: number) => string) => (s ? `${f(s.min)} / ${f(s.median)} / ${f(s.max)}` : '–');

function statuses(c: ClaimStability): string {
  return Object.entries(c.statuses).map(([k, v]) => `${v} ${k}`).join(', ');
}

export function renderStabilityMarkdown(r: StabilityReport): string {
  const s = r.summary;
  const lines = [
    '# gan-claims verdict stability',
    '',
    `${r.seeds.length} global seeds (derived from ${r.globalSeed} with \`--seeds ${r.settings.seedsSpec}\`; tier ${r.settings.tier}${r.settings.runs ? `, --runs ${r.settings.runs}` : ''}) · started ${r.startedAt} · ${(r.durationMs / 1000).toFixed(1)} s`,
    '',
    `**${s.stable} of ${s.claims} claims gave their expected verdict on every seed**; ${s.disagreements} disagreement(s) in ${s.runs} claim runs.`,
    '',
    'Seeds: ' + r.seeds.join(', '),
    '',
    '| claim | kind | expect | agreed | verdicts | p (paper direction) min / median / max | effect min / median / max | power |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.claims.map((c) => `| \`${c.id}\` | ${c.kind} | ${c.expect} | ${c.agreed === c.seeds ? '' : '**'}${c.agreed}/${c.seeds}${c.agreed === c.seeds ? '' : '**'} | ${statuses(c)}${c.undecidedInstances ? ` (${c.undecidedInstances} undecided instances)` : ''} | ${fmtSpread(c.pPaper, fmtP)} | ${c.effect ? `${fmtSpread(c.effect, (x) => x.toPrecision(3))} (${c.effect.name})` : '–'} | ${fmtSpread(c.power, (x) => x.toFixed(2))} |`),
    '',
  ];
  const unstable = r.claims.filter((c) => c.firstDisagreement);
  if (unstable.length > 0) {
    lines.push('## First disagreeing seed per claim', '');
    for (const c of unstable) {
      const d = c.firstDisagreement!;
      lines.push(`### \`${c.id}\`: ${d.status} on global seed ${d.globalSeed} (expected ${c.expect})`, '');
      if (d.message) lines.push(`> ${d.message.replace(/\n/g, '\n> ')}`, '');
      lines.push('```sh', d.replay, '```', '');
    }
  }
  return lines.join('\n');
}
