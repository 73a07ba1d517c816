/**
 * Exact 2-Wasserstein distance between two equal-weight point sets of the same size n:
 *   W₂(a, b)² = min over permutations π of (1/n) Σᵢ ‖aᵢ − b_π(i)‖²,
 * the optimal coupling of two uniform discrete measures being a permutation (Birkhoff). The
 * assignment is solved exactly by the Hungarian algorithm with potentials (Kuhn–Munkres in the
 * O(n³) shortest-augmenting-path form of Jonker–Volgenant), not approximated.
 * `w2Sorted1d` is the 1-D special case: the monotone (sorted) coupling is optimal.
 */

/** Optimal assignment for an n×n cost matrix (row-major). Returns assignment[row] = column. */
export function solveAssignment(cost: Float64Array, n: number): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`solveAssignment: n must be a non-negative integer, got ${n}`);
  if (cost.length !== n * n) throw new RangeError(`solveAssignment: cost has length ${cost.length}, expected n² = ${n * n}`);
  for (let i = 0; i < cost.length; i++) {
    if (!Number.isFinite(cost[i]!)) throw new RangeError(`solveAssignment: cost has a non-finite entry at ${i}`);
  }
  // 1-based arrays; column 0 is the virtual start of each augmenting path.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[col] = row matched to col
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * n + (j - 1)]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Int32Array(n);
  for (let j = 1; j <= n; j++) assignment[p[j]! - 1] = j - 1;
  return assignment;
}

function checkSets(a: Float64Array[], b: Float64Array[]): number {
  if (!Array.isArray(a)) throw new TypeError('w2PointSets: a must be an array of Float64Array points');
  if (!Array.isArray(b)) throw new TypeError('w2PointSets: b must be an array of Float64Array points');
  if (a.length !== b.length) throw new RangeError(`w2PointSets: a has ${a.length} points, b has ${b.length}; equal-weight sets must be the same size`);
  if (a.length === 0) throw new RangeError('w2PointSets: a and b must be non-empty');
  const d = a[0]!.length;
  for (const [name, set] of [['a', a], ['b', b]] as const) {
    set.forEach((x, i) => {
      if (!(x instanceof Float64Array)) throw new TypeError(`w2PointSets: ${name}[${i}] must be a Float64Array`);
      if (x.length !== d) throw new RangeError(`w2PointSets: ${name}[${i}] has dimension ${x.length}, expected ${d}`);
      for (let k = 0; k < d; k++) if (!Number.isFinite(x[k]!)) throw new RangeError(`w2PointSets: ${name}[${i}] has a non-finite coordinate`);
    });
  }
  return d;
}

/** Exact W₂ between {aᵢ} and {bᵢ}, each point of weight 1/n. */
export function w2PointSets(a: Float64Array[], b: Float64Array[]): number {
  const d = checkSets(a, b);
  const n = a.length;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const r = a[i]![k]! - b[j]![k]!;
        s += r * r;
      }
      cost[i * n + j] = s;
    }
  }
  const pi = solveAssignment(cost, n);
  let total = 0;
  for (let i = 0; i < n; i++) total += cost[i * n + pi[i]!]!;
  return Math.sqrt(total / n);
}

/** Exact W₂ between two equal-size 1-D samples of weight 1/n each: sorted coupling. */
export function w2Sorted1d(a: number[], b: number[]): number {
  if (!Array.isArray(a) || !Array.isArray(b)) throw new TypeError('w2Sorted1d: a and b must be arrays of numbers');
  if (a.length !== b.length) throw new RangeError(`w2Sorted1d: a has ${a.length} values, b has ${b.length}; they must be equal`);
  if (a.length === 0) throw new RangeError('w2Sorted1d: a and b must be non-empty');
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    s.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`w2Sorted1d: ${name}[${i}] must be a finite number, got ${x}`);
    });
  }
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  let s = 0;
  for (let i = 0; i < sa.length; i++) {
    const r = sa[i]! - sb[i]!;
    s += r * r;
  }
  return Math.sqrt(s / sa.length);
}
