/**
 * eff.fourier-boundary — 001 App. C, Figs. 14–15, Algorithm 2: the Fourier discriminator
 * D(x) = Σₖ wₖ⁽¹⁾sin(k·x) + wₖ⁽²⁾cos(k·x) with per-frequency rates α_D γ(|k|) gives a power-law
 * boundary (slope ≈ 4.90, log–log) for γ_pow(k) = min(10³, |k|⁻³) after 3000 steps and an
 * exponential one (slope ≈ 1.86, log-linear) for γ_exp(k) = 668.8·exp(−2.05|k|) after 2000 steps.
 *
 * Axes: as Fig. 5 (the text: "run the same experiments performed in Section IV"): x = g₂/g₁,
 * y = n_disc. "Slope" read as d log n_disc / d log(g₂/g₁) (power law) and d log n_disc / d(g₂/g₁)
 * (exponential; the paper's log base is not stated, so both ln and log₁₀ slopes are reported).
 * Tolerance: ±25 % of the printed slope.
 *
 * Boundary (phase-scatter.ts): Figs. 14–15 are scatter plots, so the slow tier draws 80 random cells
 * per γ in a box and fits the 50 % line of a logistic regression of "collapsed" (metric ≥ ½ log 8)
 * on (log or linear g₂/g₁, ln n_disc), with a bootstrap interval for the slope. (The first slow run,
 * on a 7 × 4 grid, found at most one ½ log 8 crossing per γ, so no slope could be fitted; the scatter
 * replaces it.) The boxes — g₂/g₁ ∈ [10⁻⁵, 0.3] log-uniform for γ_pow, [0, 0.7] uniform for γ_exp
 * (the paper's Fig. 15 reaches 0.7), n_disc ∈ [1, 32] log-uniform — were set from a pilot of 15 cells
 * per γ (1000 iterations) so that both phases occur in them; the pilot did not enter the fit.
 *
 * Choices (paper silent): weights start at 0; λ = 10⁻³ (≈ 2/width of the ReLU runs); α_D = 10⁻³ and
 * α_G = 0.1 (α_D·γ reaches 1 at the lowest frequencies); N = 200 from (1/√2, 1/√2); a third of the
 * paper's iterations (1000 for γ_pow, 700 for γ_exp) for time on the 2-core machine. Reduced fast
 * tier: corner directions only.
 */
import { experiment } from '../claim.ts';
import { cornerTest, summarisePhase } from './phase-transition.ts';
import { runScatter, scatterFigure, scatterFinish, scatterPlan, type ScatterResult, type ScatterSpec } from './phase-scatter.ts';
import { gridUnits } from './grid-units.ts';
import type { Rng } from '../../random/rng.ts';
import type { PhaseSpec } from './phase-diagram.ts';
import { withReason } from './outcome.ts';
import { builtInNotes } from './particle-setup.ts';


const SLOPE_RTOL = 0.25;
const PAPER = { pow: 4.90, exp: 1.86 };
const ALPHA_D = 1e-3;
const LAMBDA = 1e-3;

const POW: ScatterSpec = { disc: 'fourier-pow', axis: 'log', phiRange: [1e-5, 0.3], nDiscRange: [1, 32], cells: 80, N: 200, iters: 1000, avg: 4, alphaD: ALPHA_D, fourierLambda: LAMBDA };
const EXP: ScatterSpec = { ...POW, disc: 'fourier-exp', axis: 'linear', phiRange: [0, 0.7], iters: 700 };

function slopes(pow: ScatterResult, exp: ScatterResult) {
  const sPow = pow.fit?.slope;
  const sExpLn = exp.fit?.slope;
  const sExp10 = sExpLn === undefined ? undefined : sExpLn / Math.LN10;
  const okPow = sPow !== undefined && Math.abs(sPow - PAPER.pow) <= SLOPE_RTOL * PAPER.pow;
  const okExp = [sExpLn, sExp10].some((s) => s !== undefined && Math.abs(s - PAPER.exp) <= SLOPE_RTOL * PAPER.exp);
  return { sPow, sExpLn, sExp10, okPow, okExp };
}

function summary(r: ScatterResult) {
  return {
    cells: r.cells.length, collapsed: r.collapsedCount,
    fit: r.fit && { slopeLn: r.fit.slope, ci95: r.fit.ci, logisticCoef: r.fit.coef, logisticStdErr: r.fit.stdErr, misclassified: r.fit.misclassified, bootstrapResamples: r.fit.bootstrap },
    scatter: r.cells.map((c) => ({ phi: +c.phi.toPrecision(4), nDisc: c.nDisc, collapse: +c.collapse.toFixed(4), diverged: c.diverged })),
  };
}

const SOURCE = { paper: '001_cb8436cba21c199a.txt', where: 'App. C, eq. C1–C4, Algorithm 2, Figs. 14–15' };
const STATEMENT = 'An extremely clear power-law boundary is found here, with a slope of ≈ 4.90. … Again a clear exponential boundary is found here, having a slope of ≈ 1.86.';

export const effFourierBoundary = experiment({
  id: 'eff.fourier-boundary', source: SOURCE, statement: STATEMENT, tier: 'slow', kind: 'reproduction', expect: 'not-shown', exercises: ['particle-gan'],
  notes: builtInNotes('Not reproduced with our choices (run 2026-11-23, default seed, 80 random cells per γ, 34 min on 2 shared cores; fixtures/eff/fourier-boundary/): γ_pow: 40 of 80 cells collapsed, logistic boundary slope d ln n_disc / d ln(g₂/g₁) = 0.20 (95 % bootstrap CI 0.13–0.33; 14 % of cells on the wrong side) against the printed 4.90 — the boundary exists and is a clean power law, but shallow: more discriminator steps buy little extra g₂/g₁. Its reciprocal, d ln(g₂/g₁) / d ln n_disc = 5.0 (CI 3.0–8.0), happens to match 4.90; that reading (axes swapped relative to Fig. 5) was noticed after the fit and contradicts the paper\'s own mechanism (App. B–C: n_disc* ∝ 1/γ(k*) ∝ k*³ with k* ∝ g₂/g₁, i.e. a slope near 3 in the printed orientation), so it is reported, not registered. γ_exp: 70 of 80 cells collapsed; the boundary sits at g₂/g₁ ≈ 0.05–0.1 for every n_disc in 1–32 (near-vertical: slope 60, CI −929 … 518, undetermined), so no exponential law with slope 1.86 in either orientation. The paper gives neither α_D, λ, the initial weights nor the ranges of Figs. 14–15, and we ran a third of its iterations. Registered refuted until 2026-12-04; outside the paper\'s regime (a third of App. C\'s iterations, one α_D and α_G never varied, and with α_D = 10⁻³, α_G = 0.1 the boundary is L-shaped — a floor, then a wall — so the logistic slope measures the floor), the slopes show nothing about Figs. 14–15: not shown. The re-run #17 asks for (3000/2000 iterations, per-row crossing points fitted as Fig. 5 is, step sizes piloted) is ≈ 3 h here and was not done this round.'),
  checks: `Fourier discriminator (25 log-spaced |kᵢ| in [0.01, 20] and negatives per axis), N = 200, α_D = ${ALPHA_D}, λ = ${LAMBDA}, ${POW.cells} random cells per γ with n_disc ∈ [1, 32] (log-uniform): γ_pow, g₂/g₁ ∈ [10⁻⁵, 0.3] (log-uniform), 1000 iterations (paper 3000), gives a log–log boundary slope within 25 % of 4.90; γ_exp, g₂/g₁ ∈ [0, 0.7] (uniform), 700 iterations (paper 2000), a log-linear slope (ln or log₁₀) within 25 % of 1.86. Boundary = 50 % line of a logistic regression of collapsed (metric ≥ ½ log 8) on (ln or linear g₂/g₁, ln n_disc), 95 % bootstrap interval (Figs. 14–15 drawn).`,
  // Units: the 2 × 80 cells; the analysis re-draws both plans from a fresh generator (as runScatter forks it).
  units: gridUnits((rng) => fourierPlans(rng).cells, (res, ctx) => {
    const p = fourierPlans(ctx.rng);
    const pow = scatterFinish(POW, p.pow, res.slice(0, POW.cells), p.rngPow);
    const exp = scatterFinish(EXP, p.exp, res.slice(POW.cells), p.rngExp);
    const s = slopes(pow, exp);
    const ci = (r: ScatterResult, k = 1) => (r.fit ? ` [${(r.fit.ci[0] / k).toFixed(2)}, ${(r.fit.ci[1] / k).toFixed(2)}]` : '');
    // Outside the paper's regime (see notes) a slope off the printed one is not a refutation.
    return withReason({
      verdict: s.okPow && s.okExp ? 'holds' : 'not-shown', numRuns: pow.cells.length + exp.cells.length,
      evidence: {
        setup: `N ${POW.N}, α_D ${ALPHA_D}, λ ${LAMBDA}, α_G 0.1, weights from 0, start (1/√2, 1/√2)`,
        paperSlopes: PAPER, powerLawSlope: s.sPow, exponentialSlopeLn: s.sExpLn, exponentialSlopeLog10: s.sExp10,
        pow: summary(pow), exp: summary(exp),
      },
      figures: [
        scatterFigure('fig14', `Fig. 14 equivalent: Fourier D, γ_pow; fitted slope ${s.sPow?.toFixed(2) ?? '—'} (paper 4.90)`, POW, pow),
        scatterFigure('fig15', `Fig. 15 equivalent: Fourier D, γ_exp; fitted slope ${s.sExpLn?.toFixed(2) ?? '—'} (ln) / ${s.sExp10?.toFixed(2) ?? '—'} (log₁₀) (paper 1.86)`, EXP, exp),
      ],
    }, () => `slopes: power law ${s.sPow?.toFixed(2) ?? 'no boundary'}${ci(pow)} (paper 4.90), exponential ${s.sExpLn?.toFixed(2) ?? 'no boundary'}${ci(exp)} ln / ${s.sExp10?.toFixed(2) ?? '—'} log₁₀ (paper 1.86), tolerance ±25 %`);
  }),
});

/** Both scatters' plans, forked from the claim's generator in the order runScatter forks them. */
function fourierPlans(rng: Rng) {
  const rngPow = rng.fork();
  const pow = scatterPlan(POW, rngPow, 'pow-');
  const rngExp = rng.fork();
  const exp = scatterPlan(EXP, rngExp, 'exp-');
  return { pow, exp, rngPow, rngExp, cells: [...pow.cells, ...exp.cells] };
}

/**
 * Reduced corners inside the transition at this scale (N = 40, 150 iterations), read off a pilot
 * (2026-12-04, 4 seeds per cell over g₂/g₁ ∈ {0.001 … 0.3} × n_disc ∈ {1, 10}): at n_disc = 10 the
 * metric rises from 0.5–1.2 at g₂/g₁ = 0.01 to 1.5–2.1 at 0.1; at 0.01 it falls from 1.1–2.1
 * (n_disc = 1) to 0.5–1.2 (n_disc = 10). The first design's corner g₂/g₁ = 0.3 is collapsed at both
 * n_disc here, so its "refuted" (p = 0.88) was a test that could not show the direction. With 8
 * seeds per cell at n_disc ∈ {1, 10} the n_disc direction gave p = 9e-4 … 0.16 over global seeds
 * (unstable at α = 0.01); at n_disc ∈ {1, 30}, p ≤ 5e-4 for both directions on 3 of 3 pilot seeds.
 */
const REDUCED_POW: PhaseSpec = { disc: 'fourier-pow', phis: [0.01, 0.1], yKind: 'nDisc', ys: [1, 30], N: 40, iters: 150, avg: 4, seeds: 8, fixed: ALPHA_D, fourierLambda: LAMBDA };

export const effFourierBoundaryReduced = experiment({
  id: 'eff.fourier-boundary.reduced', source: SOURCE, statement: STATEMENT, tier: 'fast', kind: 'statistical', expect: 'holds', exercises: ['particle-gan'],
  notes: builtInNotes('Directions only (the slopes need the slow tier). Until 2026-12-04 the corners were g₂/g₁ ∈ {0.01, 0.3} × n_disc ∈ {1, 10} with 4 seeds and the claim was registered refuted on non-significant tests (p = 0.055 and 0.88); the 0.3 column lies beyond the transition at this scale. Corners now from a pilot at this scale (see the file). With α_D = 10⁻³, λ = 10⁻³, weights from 0 (the paper gives none), some particles at n_disc = 10 are thrown far from the modes (mean log-likelihood −10⁶ … −10⁷).'),
  checks: 'Reduced (directions only, γ_pow): N = 40, 150 iterations, corners g₂/g₁ ∈ {0.01, 0.1} × n_disc ∈ {1, 30}, 8 seeds each: at n_disc = 30 the metric is larger at g₂/g₁ = 0.1 than at 0.01, and at g₂/g₁ = 0.01 larger at n_disc = 1 than at 30 (Mann–Whitney both ways, one-sided α = 0.01 each; three outcomes, a reduced run never refutes).',
  run: async (ctx) => {
    const { r, d1, d2, decision } = await cornerTest(REDUCED_POW, ctx);
    return { decision, numRuns: r.cells.length * REDUCED_POW.seeds, evidence: { increasesWithPhi: { p: d1.pPaper, effect: d1.effect }, decreasesWithNDisc: { p: d2.pPaper, effect: d2.effect }, grid: summarisePhase(r).grid } };
  },
});
