/** `gan-claims list`: the registered claims, as a table or as JSON. */
import { parseTier } from './options.ts';
import { resolveSelection } from './select.ts';

export async function listCommand(patterns: string[], flags: { tier?: string; json?: boolean; claims?: string[] }): Promise<number> {
  const claims = await resolveSelection(patterns, flags.tier ? parseTier(flags.tier) : 'all', flags.claims ?? []);
  if (flags.json) {
    const rows = claims.map((c) => ({
      id: c.id, tier: c.tier, kind: c.kind, expect: c.expect, type: c.type, source: c.source, statement: c.statement,
      checks: c.checks, ...(c.notes ? { notes: c.notes } : {}), ...(c.systems ? { systems: c.systems } : {}), ...(c.exercises ? { exercises: c.exercises } : {}),
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const w = Math.max(8, ...claims.map((c) => c.id.length));
  for (const c of claims) {
    process.stdout.write(`${c.id.padEnd(w)}  ${c.tier.padEnd(4)}  ${c.kind.padEnd(12)}  ${c.expect.padEnd(7)}  ${c.source.paper.split(',')[0]} ${c.source.where}\n`);
  }
  process.stdout.write(`${claims.length} claim(s)\n`);
  return 0;
}
