/**
 * sin and cos of one argument at once, for the RFF inner loops (V8's Math.sin/Math.cos cost ~50 ns
 * each there and dominated the Fig. 3 simulation). fdlibm's method in plain float64 arithmetic:
 * Cody–Waite reduction by π/2 in three parts (exact enough for |x| < 2²⁰·π/2), then the minimax
 * kernels __kernel_sin/__kernel_cos on [−π/4, π/4]. Error ≤ ~2 ulp (checked against Math.sin/cos by
 * properties); pure arithmetic, so identical on every machine. Larger |x| falls back to Math.
 */
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417e0;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const S1 = -1.66666666666666324348e-1, S2 = 8.33333333332248946124e-3, S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6, S5 = -2.50507602534068634195e-8, S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2, C2 = -1.38888888888741095749e-3, C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7, C5 = 2.08757232129817482790e-9, C6 = -1.13596475577881948265e-11;
const LIMIT = 1.6e6;

/** Writes sin(x) to sn[i] and cos(x) to cs[i]. */
export function sincosInto(x: number, sn: Float64Array, cs: Float64Array, i: number): void {
  if (!(x > -LIMIT && x < LIMIT)) {
    sn[i] = Math.sin(x);
    cs[i] = Math.cos(x);
    return;
  }
  const k = Math.round(x * INV_PIO2);
  const r = x - k * PIO2_1 - k * PIO2_2 - k * PIO2_2T;
  const z = r * r;
  const s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  const c = w + (((1 - w) - hz) + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6))))));
  switch (k & 3) {
    case 0: sn[i] = s; cs[i] = c; break;
    case 1: sn[i] = c; cs[i] = -s; break;
    case 2: sn[i] = -s; cs[i] = -c; break;
    default: sn[i] = -c; cs[i] = s; break;
  }
}
