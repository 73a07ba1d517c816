/**
 * Standard normal density, CDF and quantile in float64, precise in the tails.
 *
 * Exact bin probabilities of a pushforward (Thm 1 checks) are differences of Φ at points that can
 * lie 8–30 standard deviations out, so Φ must keep relative accuracy there: we use W. J. Cody's
 * rational Chebyshev approximations (Math. Comp. 23, 1969; the algorithm of R's pnorm_both),
 * relative error ≈ 1e-15, and Wichura's AS 241 (PPND16) for Φ⁻¹ (relative error ≈ 1e-16).
 * The one normal distribution of the project: the tests' p-values and the 1-D generators both use it.
 */

const SQRT_2PI_INV = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;

/** φ(x) = exp(−x²/2)/√(2π), split so that exp(−x²/2) keeps full precision for large |x|. */
export function normalPdf(x: number): number {
  const a = Math.abs(x);
  if (a > 40) return 0;
  const x1 = Math.round(a * 65536) / 65536;
  const x2 = a - x1;
  return SQRT_2PI_INV * Math.exp(-0.5 * x1 * x1) * Math.exp((-0.5 * x2 - x1) * x2);
}

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8];
const D = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
  0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** exp(−y²/2)·r computed as in Cody/R (`do_del`), exact splitting of y² at 1/16. */
function tailFactor(y: number, r: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5) * r;
}

/** [Φ(x), 1 − Φ(x)], each with full relative precision (Cody's pnorm_both). */
export function normalCdfBoth(x: number): [number, number] {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  const y = Math.abs(x);
  let cum: number;
  let ccum: number;
  if (y <= 0.67448975) {
    const xsq = y > 1.1e-16 ? x * x : 0;
    let xnum = A[4]! * xsq;
    let xden = xsq;
    for (let i = 0; i < 3; i++) {
      xnum = (xnum + A[i]!) * xsq;
      xden = (xden + B[i]!) * xsq;
    }
    const t = (x * (xnum + A[3]!)) / (xden + B[3]!);
    return [0.5 + t, 0.5 - t];
  } else if (y <= SQRT_32) {
    let xnum = C[8]! * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]!) * y;
      xden = (xden + D[i]!) * y;
    }
    const r = (xnum + C[7]!) / (xden + D[7]!);
    cum = tailFactor(y, r);
    ccum = 1 - cum;
  } else {
    if (y > 38.5) {
      cum = 0;
      ccum = 1;
    } else {
      const xsq = 1 / (x * x);
      let xnum = P[5]! * xsq;
      let xden = xsq;
      for (let i = 0; i < 4; i++) {
        xnum = (xnum + P[i]!) * xsq;
        xden = (xden + Q[i]!) * xsq;
      }
      let r = (xsq * (xnum + P[4]!)) / (xden + Q[4]!);
      r = (SQRT_2PI_INV - r) / y;
      cum = tailFactor(y, r);
      ccum = 1 - cum;
    }
  }
  // cum holds the tail mass beyond |x|; swap for positive x.
  return x > 0 ? [ccum, cum] : [cum, ccum];
}

/** Φ(x). */
export function normalCdf(x: number): number {
  return normalCdfBoth(x)[0];
}

/** 1 − Φ(x) = Φ(−x), precise for large x. */
export function normalSf(x: number): number {
  return normalCdfBoth(x)[1];
}

/** Φ⁻¹(p) by Wichura's AS 241 (PPND16). `upper` = true means p is an upper-tail probability (returns Φ⁻¹(1 − p) precisely). */
export function normalQuantile(p: number, upper = false): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must lie in [0, 1], got ${p}`);
  // Work with the lower-tail probability pl and its complement without forming 1 − p when upper.
  // q = Φ⁻¹'s argument minus 1/2; `small` = the smaller tail mass, both taken from p directly so
  // that an upper-tail p of 1e-300 is not rounded to 1 − 1e-300 = 1.
  const q = upper ? 0.5 - p : p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
      + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r
      + 3.387132872796366608))
      / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1);
  }
  const small = upper ? (q < 0 ? 1 - p : p) : (q < 0 ? p : 1 - p);
  if (small <= 0) return (q < 0 ? -1 : 1) * Infinity;
  let r = Math.sqrt(-Math.log(small));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
      + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r
      + 1.42343711074968357734)
      / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
        + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
      + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r
      + 6.6579046435011037772)
      / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
        + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}

/** P(|Z| ≤ y) = 2Φ(y) − 1 for y ≥ 0, without cancellation near y = 0 (Cody's first interval gives Φ − 1/2 directly). */
export function normalCentral(y: number): number {
  if (!(y >= 0)) throw new RangeError(`normalCentral: y must be ≥ 0, got ${y}`);
  if (y <= 0.67448975) {
    const [c] = normalCdfBoth(y);
    // c = 0.5 + t exactly as computed; recompute t to avoid the rounding of 0.5 + t.
    const xsq = y > 1.1e-16 ? y * y : 0;
    let xnum = A[4]! * xsq;
    let xden = xsq;
    for (let i = 0; i < 3; i++) {
      xnum = (xnum + A[i]!) * xsq;
      xden = (xden + B[i]!) * xsq;
    }
    void c;
    return (2 * y * (xnum + A[3]!)) / (xden + B[3]!);
  }
  return 1 - 2 * normalSf(y);
}

/** 10-point Gauss–Legendre nodes/weights on [−1, 1] (positive half). */
const GLX = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const GLW = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];

/**
 * Φ(hi) − Φ(lo) for lo ≤ hi with relative precision: CDF differences from whichever tail keeps
 * it, except for narrow intervals (where any CDF difference cancels) which integrate φ directly
 * by 10-point Gauss–Legendre (error ~ (hi − lo)²⁰, far below 1e-16 relative at the cut-off).
 */
export function normalMass(lo: number, hi: number): number {
  if (!(lo <= hi)) return 0;
  if (hi - lo <= 0.05 && Number.isFinite(lo) && Number.isFinite(hi)) {
    const m = 0.5 * (lo + hi);
    const r = 0.5 * (hi - lo);
    let s = 0;
    for (let i = 0; i < 5; i++) s += GLW[i]! * (normalPdf(m - r * GLX[i]!) + normalPdf(m + r * GLX[i]!));
    return s * r;
  }
  if (lo >= 0) return normalSf(lo) - normalSf(hi);
  if (hi <= 0) return normalCdf(hi) - normalCdf(lo);
  return 1 - normalCdf(lo) - normalSf(hi);
}
