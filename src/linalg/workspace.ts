/**
 * Reusable scratch buffers for the O(n³) routines (eig, expm), so a hot loop that calls them
 * many times on same-sized matrices does not allocate per call. Single-threaded JS makes a
 * module-level pool safe as long as a routine does not hand its scratch to code that re-enters it.
 */
const pools = new Map<string, Float64Array>();

/** A Float64Array of at least `length` entries, keyed by `key`; contents are garbage. */
export function scratch(key: string, length: number): Float64Array {
  let buf = pools.get(key);
  if (buf === undefined || buf.length < length) {
    buf = new Float64Array(Math.max(length, 16));
    pools.set(key, buf);
  }
  return buf;
}

/**
 * The exponent e with max·2^−e ∈ [0.5, 1) (0 for max = 0). Scaling by 2^−e is exact, so routines
 * that square entries (Jacobi rotations, QR shifts, column norms) can work at unit scale and never
 * under- or overflow for matrices with entries near 1e±154 or beyond.
 */
export function unitExponent(max: number): number {
  if (max === 0 || !Number.isFinite(max)) return 0;
  return Math.floor(Math.log2(max)) + 1;
}

/** x·2^e, exact barring under/overflow of the result (two factors so 2^e itself stays finite). */
export function ldexp(x: number, e: number): number {
  const h = Math.trunc(e / 2);
  return x * Math.pow(2, h) * Math.pow(2, e - h);
}

/** Multiplies d[0..length) by 2^e in place. */
export function scaleInPlace(d: Float64Array, e: number, length = d.length): void {
  if (e === 0) return;
  const h = Math.trunc(e / 2);
  const f1 = Math.pow(2, h);
  const f2 = Math.pow(2, e - h);
  for (let i = 0; i < length; i++) d[i] = d[i]! * f1 * f2;
}

export function maxAbs(d: Float64Array, length = d.length): number {
  let m = 0;
  for (let i = 0; i < length; i++) {
    const a = Math.abs(d[i]!);
    if (a > m) m = a;
  }
  return m;
}
