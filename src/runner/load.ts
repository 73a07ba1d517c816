/**
 * Loading user code next to the built-in registry: claim files (`--claims ./my-claims.ts`) and
 * implementations of named systems (`--impl dirac-gan=./my-dirac.ts`). Paths resolve against the
 * current directory; TypeScript loads through tsx (registered by the bin and the workers).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim } from '../claims/claim.ts';
import { registry } from '../claims/registry.ts';
import { UsageError } from './usage-error.ts';

export function isClaim(x: unknown): x is Claim {
  const c = x as Partial<Claim> | null;
  return !!c && typeof c === 'object' && typeof c.id === 'string' && (c.type === 'property' || c.type === 'experiment');
}

function resolveFile(arg: string, file: string): string {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new UsageError(`${arg}: no such file: ${file}`);
  return abs;
}

/** Every Claim exported by the files (a `claims` array export, or individual claim exports). */
export async function loadClaimFiles(files: readonly string[]): Promise<Claim[]> {
  const out: Claim[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(resolveFile('--claims', f)).href)) as Record<string, unknown>;
    const found = Object.values(mod).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isClaim);
    if (found.length === 0) throw new UsageError(`--claims: ${f} exports no claims (export claim objects or a \`claims\` array)`);
    for (const c of found) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** Built-in claims plus user claims; an id defined twice is a usage error naming it. */
export async function allClaims(files: readonly string[]): Promise<Claim[]> {
  const user = await loadClaimFiles(files);
  const ids = new Set(registry.map((c) => c.id));
  for (const c of user) {
    if (ids.has(c.id)) throw new UsageError(`--claims: claim id ${c.id} is already registered`);
    ids.add(c.id);
  }
  return [...registry, ...user];
}

/** Systems that claims declare they read through ctx.impl (the names `--impl` accepts). */
export function knownSystems(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((c) => c.systems ?? []))].sort();
}

export interface ImplSpec {
  system: string;
  file: string;
}

export function parseImplSpec(spec: string, systems: readonly string[]): ImplSpec {
  const m = /^([\w-]+)=(.+)$/.exec(spec);
  if (!m) throw new UsageError(`--impl: expected NAME=FILE, got '${spec}'`);
  if (!systems.includes(m[1]!)) throw new UsageError(`--impl: unknown system '${m[1]}' (known: ${systems.join(', ')})`);
  resolveFile('--impl', m[2]!);
  return { system: m[1]!, file: m[2]! };
}

/** Loads each implementation module: its default export, else an export named `impl`. */
export async function loadImpls(specs: readonly ImplSpec[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const { system, file } of specs) {
    const mod = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
    const impl = mod['default'] ?? mod['impl'];
    if (impl === undefined) throw new UsageError(`--impl: ${file} has neither a default export nor an export named 'impl'`);
    out[system] = impl;
  }
  return out;
}
