/**
 * Every dirac.* property must be able to fail: each is run against a mutant of the Dirac-GAN
 * (a planted bug) and must come out refuted with a shrunk counterexample. A claim no mutant kills
 * would be a check that cannot fail.
 */
import { describe, expect, test } from 'vitest';
import { diracClaims } from '../../src/claims/dirac/index.ts';
import { diracGan, type DiracGan } from '../../src/systems/dirac-gan/index.ts';
import { runClaim } from '../../src/runner/run-claim.ts';

const MUTANTS: Record<string, DiracGan> = {
  // φ̇ = −θ + βφ: the regulariser ascended instead of descended.
  'regulariser sign flipped': {
    ...diracGan,
    regularizedField: (beta) => (x, out) => { out[0] = x[1]!; out[1] = -x[0]! + beta * x[1]!; },
  },
  // ψ̇ = −θ f′: the discriminator descends its objective.
  'discriminator ascent sign flipped': {
    ...diracGan,
    ganField: (loss, gamma) => {
      const f = diracGan.ganField(loss, gamma);
      return (x, out) => { f(x, out); out[1] = -out[1]! - 2 * gamma * x[1]!; };
    },
  },
  // +γψ: the gradient penalty pushes the discriminator away from 0.
  'gradient penalty sign flipped': {
    ...diracGan,
    ganField: (loss, gamma) => {
      const f = diracGan.ganField(loss, gamma);
      return (x, out) => { f(x, out); out[1] = out[1]! + 2 * gamma * x[1]!; };
    },
  },
};

const KILLED_BY: Record<string, string> = {
  'dirac.eigs': 'regulariser sign flipped',
  'dirac.regimes': 'regulariser sign flipped',
  'dirac.critical-damping': 'regulariser sign flipped',
  'dirac.fig18': 'regulariser sign flipped',
  'dirac.simgd-diverges': 'discriminator ascent sign flipped',
  'dirac.altgd-bounded': 'discriminator ascent sign flipped',
  'dirac.gp-converges': 'gradient penalty sign flipped',
};

describe('dirac claims fail on planted bugs', () => {
  test('every dirac claim has a mutant that must kill it', () => {
    expect(Object.keys(KILLED_BY).sort()).toEqual(diracClaims.map((c) => c.id).sort());
  });
  for (const claim of diracClaims) {
    const mutant = KILLED_BY[claim.id]!;
    test(`${claim.id} is refuted when the system has: ${mutant}`, async () => {
      const r = await runClaim(claim, { globalSeed: 1, runs: 30, impls: { 'dirac-gan': MUTANTS[mutant] } });
      expect(r.status, r.message).toBe('refuted');
      if (claim.type === 'property') expect(r.counterexample).toBeDefined();
    });
  }
});
