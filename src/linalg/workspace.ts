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
