import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { registry, selectClaims, patternToRegExp } from '../../src/claims/registry.ts';
import { isClaim } from '../../src/runner/load.ts';

const root = path.resolve(import.meta.dirname, '../..');
const catalogFile = path.resolve(root, '../shared/CLAIMS.md');

/** Catalog ids: headings of the form ### `id` in ../shared/CLAIMS.md (present in every checkout and CI run). */
function catalogIds(): string[] {
  return [...readFileSync(catalogFile, 'utf8').matchAll(/^### `([a-z0-9.-]+)`/gm)].map((m) => m[1]!);
}

describe('registry', () => {
  test('claim ids are unique', () => {
    const ids = registry.map((c) => c.id);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dup).toEqual([]);
  });

  test('every claim has its front matter', () => {
    for (const c of registry) {
      expect(c.id, c.id).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
      expect(c.statement.length, `${c.id} statement`).toBeGreaterThan(10);
      expect(c.checks.length, `${c.id} checks`).toBeGreaterThan(10);
      expect(c.source.paper.length, `${c.id} source`).toBeGreaterThan(0);
      expect(['fast', 'slow', 'gpu']).toContain(c.tier);
      expect(['property', 'statistical', 'reproduction']).toContain(c.kind);
      expect(['holds', 'refuted', 'not-shown']).toContain(c.expect);
      // "Not shown" is the third outcome of a test; a property is universally quantified and decides.
      if (c.expect === 'not-shown') expect(c.kind, `${c.id}: only statistical and reproduction claims can be registered not-shown`).not.toBe('property');
      if (c.expect === 'not-shown') expect(c.notes ?? '', `${c.id}: a not-shown claim says why in its notes`).not.toBe('');
    }
  });

  test.skipIf(!existsSync(catalogFile))('every id is a catalog id or a sub-id of one (never renamed)', () => {
    const catalog = catalogIds();
    const unknown = registry.map((c) => c.id).filter((id) => !catalog.some((k) => id === k || id.startsWith(`${k}.`)));
    expect(unknown).toEqual([]);
  });

  test.skipIf(!existsSync(catalogFile))('every catalog id is registered (itself or through sub-ids)', () => {
    const ids = registry.map((c) => c.id);
    const missing = catalogIds().filter((k) => !ids.some((id) => id === k || id.startsWith(`${k}.`)));
    expect(missing).toEqual([]);
  });

  test('a .corrected claim has a registered parent that is refuted (or, for a statistical claim, not shown)', () => {
    for (const c of registry.filter((x) => x.id.endsWith('.corrected'))) {
      const parent = registry.find((p) => p.id === c.id.slice(0, -'.corrected'.length));
      expect(parent, `${c.id} has no parent claim`).toBeDefined();
      // jc.clamp-effect was refuted on a non-significant spread test until the three-outcome rule;
      // its .corrected sibling (the level half) keeps its id, and the parent is now not shown.
      const ok = parent!.expect === 'refuted' || (parent!.kind !== 'property' && parent!.expect === 'not-shown');
      expect(ok, `${parent!.id} should be expect: refuted when it has a .corrected sibling`).toBe(true);
    }
  });

  test('every claim exported by a file under src/claims/<group>/ is registered', async () => {
    const claimsDir = path.join(root, 'src/claims');
    const missing: string[] = [];
    for (const group of readdirSync(claimsDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(path.join(claimsDir, group.name)).filter((f) => f.endsWith('.ts'))) {
        const mod = (await import(pathToFileURL(path.join(claimsDir, group.name, f)).href)) as Record<string, unknown>;
        for (const [name, v] of Object.entries(mod)) {
          for (const c of Array.isArray(v) ? v : [v]) if (isClaim(c) && !registry.includes(c)) missing.push(`${group.name}/${f}: ${name} (${c.id})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('patterns: globs match across dots, an exact id also selects its sub-ids, tiers filter', () => {
    expect(patternToRegExp('ipm.thm1.*').test('ipm.thm1.a.rbf')).toBe(true);
    expect(patternToRegExp('ipm.thm1.*').test('ipm.thm2')).toBe(false);
    expect(patternToRegExp('dirac.eigs').test('dirac.eigs.corrected')).toBe(true);
    expect(patternToRegExp('dirac.eigs').test('dirac.eigsx')).toBe(false);
    const sel = selectClaims(['dirac.*', 'no.such.claim'], 'fast');
    expect(sel.unmatched).toEqual(['no.such.claim']);
    expect(sel.claims.every((c) => c.id.startsWith('dirac.') && c.tier === 'fast')).toBe(true);
    expect(sel.claims.length).toBe(7);
  });
});
