/**
 * Three-outcome verdicts for statistical and reproduction claims (CLAIMS.md, "Rules that hold for
 * every claim"): a test that did not reach significance shows nothing.
 *
 * - holds: the paper's direction is significant at level α;
 * - refuted: the opposite direction is significant at level α, or an equivalence test (TOST)
 *   excludes an effect of the paper's size at level α;
 * - not-shown: neither. The decision carries the power the test had against a stated reference
 *   effect and the scale that would decide it.
 *
 * A claim made of several blocks ("A and B") holds when every block holds, is refuted when any block
 * is refuted, and is not shown otherwise (`combineDecisions`). When both directions are tested at α
 * each, a claim whose true effect is zero ends "not shown" with probability ≥ 1 − 2α; one whose
 * true effect is the paper's ends "holds" with probability = the power.
 */
export type Verdict = 'holds' | 'refuted' | 'not-shown';

export interface Decision {
  verdict: Verdict;
  /** What was tested, e.g. 'KL(SGD) > KL(RMSProp) on mix3, H = 64'. */
  what: string;
  /** The named test, e.g. 'one-sided paired Wilcoxon signed-rank (exact)'. */
  test: string;
  /** Level of each one-sided test. */
  alpha: number;
  /** p-value for the paper's direction. */
  pPaper: number;
  /** p-value for the opposite direction (NaN when only an equivalence test is used). */
  pOpposite: number;
  /** TOST p-value for "the effect is smaller than the paper's" (absent when the paper gives no size). */
  pEquivalence?: number;
  /** Effect size and its name (e.g. rank-biserial correlation, mean difference). */
  effect: number;
  effectName: string;
  /** Power of the paper-direction test against `powerAgainst` (Monte Carlo or closed form). */
  power?: number;
  powerAgainst?: string;
  /** For not-shown: the scale (seeds, steps, width) that would decide it. */
  decidingScale?: string;
  /** Sub-decisions of a combined verdict. */
  parts?: Decision[];
}

/** What a direction test hands to decideDirection: a Decision without its verdict. */
export type DirectionInput = Omit<Decision, 'verdict' | 'parts'>;

function checkP(name: string, p: number, allowNaN: boolean): void {
  if (allowNaN && Number.isNaN(p)) return;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`decideDirection: ${name} must be a p-value in [0, 1], got ${p}`);
}

/** The verdict of one direction test (see the module comment). */
export function decideDirection(i: DirectionInput): Decision {
  if (!(i.alpha > 0 && i.alpha < 0.5)) throw new RangeError(`decideDirection: alpha must be in (0, 0.5), got ${i.alpha}`);
  checkP('pPaper', i.pPaper, false);
  checkP('pOpposite', i.pOpposite, true);
  if (i.pEquivalence !== undefined) checkP('pEquivalence', i.pEquivalence, false);
  const holds = i.pPaper < i.alpha;
  const opposite = !Number.isNaN(i.pOpposite) && i.pOpposite < i.alpha;
  const equivalent = i.pEquivalence !== undefined && i.pEquivalence < i.alpha;
  // Both directions significant cannot happen for one-sided tests of one statistic at α < ½.
  const verdict: Verdict = holds ? 'holds' : opposite || equivalent ? 'refuted' : 'not-shown';
  const out: Decision = { verdict, ...i };
  if (verdict !== 'not-shown') delete out.decidingScale;
  return out;
}

/** "Every block": holds iff all hold, refuted iff any is refuted, otherwise not shown. */
export function combineDecisions(what: string, parts: readonly Decision[]): Decision {
  if (parts.length === 0) throw new RangeError('combineDecisions: parts must not be empty');
  if (parts.length === 1) return { ...parts[0]!, what, parts: [...parts] };
  const verdict: Verdict = parts.some((p) => p.verdict === 'refuted') ? 'refuted'
    : parts.every((p) => p.verdict === 'holds') ? 'holds' : 'not-shown';
  // The combined p for the paper's direction is the largest block p (intersection-union test: the
  // claim needs every block, so no multiplicity correction is due); opposite: the smallest.
  const pPaper = Math.max(...parts.map((p) => p.pPaper));
  const opp = parts.map((p) => p.pOpposite).filter((p) => !Number.isNaN(p));
  const powers = parts.map((p) => p.power).filter((p): p is number => p !== undefined);
  return {
    verdict, what,
    test: 'every block (intersection-union)',
    alpha: Math.max(...parts.map((p) => p.alpha)),
    pPaper,
    pOpposite: opp.length ? Math.min(...opp) : NaN,
    effect: NaN, effectName: 'see parts',
    // Power of an intersection-union test is at most the smallest block's power.
    ...(powers.length === parts.length ? { power: Math.min(...powers), powerAgainst: 'every block at its reference effect (upper bound: the weakest block)' } : {}),
    parts: [...parts],
  };
}

/** One line for a report: verdict, p-values, effect, power. */
export function describeDecision(d: Decision): string {
  const f = (p: number) => (Number.isNaN(p) ? '–' : p < 1e-4 ? p.toExponential(1) : p.toPrecision(2));
  const pow = d.power !== undefined ? `, power ${d.power.toFixed(2)}${d.powerAgainst ? ` vs ${d.powerAgainst}` : ''}` : '';
  const eff = Number.isNaN(d.effect) ? '' : `, ${d.effectName} ${d.effect.toPrecision(3)}`;
  const scale = d.verdict === 'not-shown' && d.decidingScale ? `; would be decided by ${d.decidingScale}` : '';
  return `${d.verdict}: ${d.what} (${d.test}, α = ${d.alpha}; p = ${f(d.pPaper)}, opposite p = ${f(d.pOpposite)}${d.pEquivalence !== undefined ? `, equivalence p = ${f(d.pEquivalence)}` : ''}${eff}${pow})${scale}`;
}
