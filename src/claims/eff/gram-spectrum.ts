/**
 * eff.gram-spectrum — 001 App. A: with g₁ + g₂(N − 1) = N and φ = g₂/g₁, the Gram matrix
 * g₁I + g₂(11ᵀ − I) has the constant-mode eigenvalue N and all others N/(N−1)·(N/((N−1)φ + 1) − 1)
 * (= g₁ − g₂). The system's coupling and Gram matrix (`particle-gan`) are checked against a numerical
 * symmetric eigensolver (Jacobi, src/linalg eigSym) and a direct product with the constant vector.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensureClose, ensure } from '../assert.ts';
import { eigSym } from '../../linalg/index.ts';
import { particleSystem } from './systems.ts';

/** Eigenvalue tolerance relative to N: Jacobi on an N ≤ 40 matrix of entries ≤ N, ~1e-13 accuracy. */
const RTOL = 1e-10;

export const effGramSpectrum = property({
  id: 'eff.gram-spectrum',
  source: { paper: '001_cb8436cba21c199a.txt', where: 'App. A' },
  statement: 'Our choice of (g_1, g_2) normalization is then equivalent to fixing the eigenvalue of the constant mode to λ_const = N for all φ. All other eigenvalues then equal N/(N−1) (N/((N−1)φ+1) − 1).',
  checks: 'For generated N ∈ [2, 40] and φ ∈ [0, 1]: the coupling has g₂ = φg₁ and g₁ + g₂(N − 1) = N (rtol 1e-14); eigSym of the N×N Gram matrix has G·1 = N·1 (direct product) and its eigenvalues (eigSym) are N once and the printed formula N − 1 times (rtol 1e-10 of N).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['particle-gan'],
  arbitrary: fc.record({ N: fc.integer({ min: 2, max: 40 }), phi: fc.double({ min: 0, max: 1, noNaN: true }) }),
  check: ({ N, phi }, ctx) => {
    const sys = particleSystem(ctx);
    const c = sys.coupling(phi, N);
    ensureClose('normalisation g₁ + g₂(N − 1)', c.g1 + c.g2 * (N - 1), N, { rtol: 1e-14 });
    // φ is the ratio the coupling was asked for (one rounding in g₂ = φg₁).
    ensureClose('ratio g₂ = φ·g₁', c.g2, phi * c.g1, { rtol: 1e-14 });
    const other = (N / (N - 1)) * (N / ((N - 1) * phi + 1) - 1);
    const G = sys.gram(c, N);
    // The constant vector: G·1 = N·1 (direct product, independent of the eigensolver).
    let maxErr = 0;
    for (let a = 0; a < N; a++) {
      let s = 0;
      for (let b = 0; b < N; b++) s += G.data[a * N + b]!;
      maxErr = Math.max(maxErr, ensureClose(`(G·1)_${a}`, s, N, { atol: RTOL * N }));
    }
    // The spectrum: eigSym's ascending values against the multiset {other ×(N − 1), N}.
    const { values } = eigSym(G);
    const expected = [...Array<number>(N - 1).fill(other), N].sort((x, y) => x - y);
    for (let k = 0; k < N; k++) maxErr = Math.max(maxErr, ensureClose(`eigenvalue ${k}`, values[k]!, expected[k]!, { atol: RTOL * N }));
    ensure(values.every((v) => v > -RTOL * N), 'Gram matrix not positive semi-definite', { N, phi });
    return { maxErr };
  },
});
