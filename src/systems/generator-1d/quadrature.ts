/**
 * Composite Gauss–Legendre quadrature (10 nodes per panel) for smooth integrands on [a, b];
 * callers split the interval at the integrand's jumps. Nodes/weights: Abramowitz & Stegun 25.4.
 */
const X10 = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const W10 = [0.2955242247147529, 0.2692667193099963, 0.2190863625159820, 0.1494513491505806, 0.0666713443086881];

export function gaussLegendre(f: (x: number) => number, a: number, b: number, panels = 8): number {
  if (!(b >= a)) throw new RangeError(`gaussLegendre: need a ≤ b, got ${a}, ${b}`);
  if (!Number.isInteger(panels) || panels < 1) throw new RangeError(`gaussLegendre: panels must be a positive integer, got ${panels}`);
  const h = (b - a) / panels;
  let s = 0;
  for (let k = 0; k < panels; k++) {
    const m = a + (k + 0.5) * h;
    const r = 0.5 * h;
    for (let i = 0; i < 5; i++) s += W10[i]! * (f(m - r * X10[i]!) + f(m + r * X10[i]!)) * r;
  }
  return s;
}

/** ∫ f over [a, b] split at the given interior points. */
export function integratePiecewise(f: (x: number) => number, a: number, b: number, cuts: readonly number[], panels = 8): number {
  const pts = [a, ...cuts.filter((c) => c > a && c < b).sort((x, y) => x - y), b];
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) s += gaussLegendre(f, pts[i]!, pts[i + 1]!, panels);
  return s;
}

function glPanel(f: (x: number) => number, a: number, b: number): number {
  const m = 0.5 * (a + b);
  const r = 0.5 * (b - a);
  let s = 0;
  for (let i = 0; i < 5; i++) s += W10[i]! * (f(m - r * X10[i]!) + f(m + r * X10[i]!));
  return s * r;
}

function adapt(f: (x: number) => number, a: number, b: number, whole: number, tol: number, depth: number, budget: { evals: number }): number {
  const m = 0.5 * (a + b);
  const left = glPanel(f, a, m);
  const right = glPanel(f, m, b);
  budget.evals -= 20;
  // Stop when converged, when rounding dominates (tolerance below a few ulps of the panel), or out of budget.
  const floor = 8 * Number.EPSILON * (Math.abs(left) + Math.abs(right));
  if (depth <= 0 || budget.evals <= 0 || Math.abs(left + right - whole) <= Math.max(tol, floor)) return left + right;
  return adapt(f, a, m, left, tol / 2, depth - 1, budget) + adapt(f, m, b, right, tol / 2, depth - 1, budget);
}

/**
 * Adaptive Gauss–Legendre (bisect until two-panel and one-panel estimates agree within rtol·|I|
 * or atol), split at `cuts` where the integrand jumps.
 */
export function adaptiveIntegrate(f: (x: number) => number, a: number, b: number, cuts: readonly number[] = [], rtol = 1e-13, atol = 1e-300, maxEvals = 200_000): number {
  const budget = { evals: maxEvals };
  const pts = [a, ...cuts.filter((c) => c > a && c < b).sort((x, y) => x - y), b];
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const w = glPanel(f, pts[i]!, pts[i + 1]!);
    s += adapt(f, pts[i]!, pts[i + 1]!, w, Math.max(rtol * Math.abs(w), atol), 30, budget);
  }
  return s;
}
