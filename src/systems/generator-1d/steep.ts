/**
 * Steep transitions of a 1-D generator: maximal runs of consecutive grid cells whose secant slope
 * |ΔG/Δz| exceeds a threshold. Each run is reported with its z-interval and the x-values it spans,
 * so a caller can tell gap crossings (between modes) from tail behaviour.
 */
export interface SteepRun {
  z0: number;
  z1: number;
  x0: number;
  x1: number;
  maxSlope: number;
}

export function steepTransitions(zs: ArrayLike<number>, xs: ArrayLike<number>, threshold: number): SteepRun[] {
  if (zs.length !== xs.length) throw new RangeError('steepTransitions: zs and xs must have equal length');
  if (!(threshold > 0)) throw new RangeError(`steepTransitions: threshold must be > 0, got ${threshold}`);
  const runs: SteepRun[] = [];
  let cur: SteepRun | null = null;
  for (let i = 0; i + 1 < zs.length; i++) {
    const dz = zs[i + 1]! - zs[i]!;
    if (!(dz > 0)) throw new RangeError('steepTransitions: zs must be strictly increasing');
    const s = Math.abs((xs[i + 1]! - xs[i]!) / dz);
    if (s > threshold) {
      if (cur === null) cur = { z0: zs[i]!, z1: zs[i + 1]!, x0: xs[i]!, x1: xs[i + 1]!, maxSlope: s };
      else {
        cur.z1 = zs[i + 1]!;
        cur.x1 = xs[i + 1]!;
        cur.maxSlope = Math.max(cur.maxSlope, s);
      }
    } else if (cur !== null) {
      runs.push(cur);
      cur = null;
    }
  }
  if (cur !== null) runs.push(cur);
  return runs;
}
