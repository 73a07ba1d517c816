/** The one-line command that reproduces a claim's result (printed for every counterexample). */
export function replayCommand(
  id: string,
  globalSeed: number,
  path: string | undefined,
  opts: { impls?: Readonly<Record<string, unknown>>; implSpecs?: readonly string[]; claimFiles?: readonly string[] } = {},
): string {
  const parts = ['npx gan-claims replay', shellQuote(id), '--seed', String(globalSeed)];
  if (path !== undefined) parts.push('--path', shellQuote(path));
  for (const f of opts.claimFiles ?? []) parts.push('--claims', shellQuote(f));
  for (const s of opts.implSpecs ?? []) parts.push('--impl', shellQuote(s));
  return parts.join(' ');
}

function shellQuote(s: string): string {
  return /^[\w.,:/=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
