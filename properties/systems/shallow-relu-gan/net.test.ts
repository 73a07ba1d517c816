import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import {
  backward, cloneNet, discriminatorLossGrad, forward, ganWork, generatorLossGrad, heInit, netWork, shallowNet, vShapeInit,
  optimizer, toSpline, type ShallowNet,
} from '../../../src/systems/shallow-relu-gan/index.ts';

/** Central differences in float64; a kink of ReLU inside ±h would spoil one coordinate, so h is tiny. */
const H_FD = 1e-6;
const RTOL = 1e-5;

function fdGrad(f: () => number, theta: Float64Array): Float64Array {
  const g = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) {
    const t = theta[i]!;
    theta[i] = t + H_FD;
    const fp = f();
    theta[i] = t - H_FD;
    const fm = f();
    theta[i] = t;
    g[i] = (fp - fm) / (2 * H_FD);
  }
  return g;
}

/**
 * Smallest |pre-activation| of the hidden layer over a batch: within ~H_FD·|x| of 0 a central
 * difference straddles the ReLU kink and is not the derivative (a generated fake point can land
 * there: seen at 5e-7), so such instances are discarded rather than judged.
 */
function kinkMargin(net: ShallowNet, X: Float64Array, n: number): number {
  let m = Infinity;
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < net.H; k++) {
      let a = net.b[k]!;
      for (let j = 0; j < net.d; j++) a += net.W[k * net.d + j]! * X[s * net.d + j]!;
      m = Math.min(m, Math.abs(a));
    }
  }
  return m;
}
/** Discard instances with a pre-activation this close to a kink: 100 × H_FD bounds what a θ step moves it by for |x| ≲ 10. */
const KINK_MARGIN = 1e-4;

function relErr(a: Float64Array, b: Float64Array): number {
  let n = 0, d = 0;
  for (let i = 0; i < a.length; i++) { n += (a[i]! - b[i]!) ** 2; d += b[i]! ** 2; }
  // Floor 1e-3: central differences carry ~ε·|L|/h ≈ 1e-10 absolute noise, which is not a gradient error.
  return Math.sqrt(n) / Math.max(Math.sqrt(d), 1e-3);
}

const shape = fc.record({ d: fc.integer({ min: 1, max: 3 }), D: fc.integer({ min: 1, max: 2 }), H: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 5 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });

describe('shallow ReLU net: hand-written float64 gradients vs finite differences', () => {
  test.prop([shape])('∂L/∂θ and ∂L/∂x of L = Σ c·h(X) match central differences', ({ d, D, H, n, seed }) => {
    const rng = new Rng(seed);
    const net = heInit(shallowNet(d, H, D), rng);
    const X = rng.normals(new Float64Array(n * d));
    const C = rng.normals(new Float64Array(n * D));
    const ws = netWork(net, n);
    const Y = new Float64Array(n * D);
    const L = () => { forward(net, X, n, Y, ws); let s = 0; for (let i = 0; i < Y.length; i++) s += C[i]! * Y[i]!; return s; };
    L();
    const g = new Float64Array(net.theta.length);
    const gX = new Float64Array(n * d);
    backward(net, X, n, C, ws, g, gX);
    expect(relErr(g, fdGrad(L, net.theta))).toBeLessThan(RTOL);
    expect(relErr(gX, fdGrad(L, X))).toBeLessThan(RTOL);
  });

  test.prop([fc.record({ dim: fc.integer({ min: 1, max: 2 }), H: fc.integer({ min: 1, max: 10 }), B: fc.integer({ min: 1, max: 6 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })])('GAN losses: ∂L_D/∂θ_D and ∂L_G/∂θ_G match central differences', ({ dim, H, B, seed }) => {
    const rng = new Rng(seed);
    const G = heInit(shallowNet(dim, H, dim), rng);
    const D = heInit(shallowNet(dim, H, 1), rng);
    const Xr = rng.normals(new Float64Array(B * dim));
    const Z = rng.normals(new Float64Array(B * dim));
    const w = ganWork(G, D, B);
    const gD = new Float64Array(D.theta.length);
    const gG = new Float64Array(G.theta.length);
    const scratch = new Float64Array(Math.max(gD.length, gG.length));
    discriminatorLossGrad(G, D, Xr, Z, gD, w);
    fc.pre(Math.min(kinkMargin(G, Z, B), kinkMargin(D, Xr, B), kinkMargin(D, w.Xf, B)) > KINK_MARGIN);
    generatorLossGrad(G, D, Z, gG, w);
    const gDcopy = Float64Array.from(gD);
    const gGcopy = Float64Array.from(gG);
    expect(relErr(gDcopy, fdGrad(() => discriminatorLossGrad(G, D, Xr, Z, scratch.subarray(0, gD.length), w), D.theta))).toBeLessThan(RTOL);
    expect(relErr(gGcopy, fdGrad(() => generatorLossGrad(G, D, Z, scratch.subarray(0, gG.length), w), G.theta))).toBeLessThan(RTOL);
  });

  test.prop([fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })])('V-shape init: G(z) = a₊ max(z, 0) + a₋ max(−z, 0) with a± ≥ 0 (every breakpoint at 0)', (H, seed) => {
    const net = vShapeInit(shallowNet(1, H, 1), new Rng(seed));
    const s = toSpline(net);
    for (let i = 0; i < H; i++) expect(Math.abs(s.beta[i]!)).toBe(0);
    const y = new Float64Array(1);
    const ws = netWork(net, 1);
    const at = (z: number) => { forward(net, Float64Array.of(z), 1, y, ws); return y[0]!; };
    expect(at(0)).toBe(0);
    expect(at(1)).toBeGreaterThanOrEqual(0);
    expect(at(-1)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(at(2) - 2 * at(1))).toBeLessThan(1e-12 * (1 + at(2)));
    expect(Math.abs(at(-3) - 3 * at(-1))).toBeLessThan(1e-12 * (1 + at(-3)));
  });

  test.prop([fc.double({ min: 1e-6, max: 1e-1, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 1000 })])('RMSProp(γ) first step = lr·g/(√((1−γ)g²) + ε); γ = 1 is SGD', (lr, gamma, seed) => {
    const rng = new Rng(seed);
    const g = rng.normals(new Float64Array(5));
    const t1 = new Float64Array(5);
    optimizer({ lr, gamma }, 5).step(t1, g);
    const t2 = new Float64Array(5);
    optimizer({ lr, gamma: 1 }, 5).step(t2, g);
    for (let i = 0; i < 5; i++) {
      expect(Math.abs(t1[i]! + (lr * g[i]!) / (Math.sqrt((1 - gamma) * g[i]! ** 2) + 1e-8))).toBeLessThan(1e-12 * lr);
      expect(t2[i]).toBe(-lr * g[i]!);
    }
  });

  test('bad input throws a RangeError naming the argument', () => {
    expect(() => shallowNet(1, 0, 1)).toThrow(/width H/);
    expect(() => optimizer({ lr: 1e-3, gamma: 1.5 }, 3)).toThrow(/gamma/);
    expect(() => heInit(shallowNet(1, 2, 1), new Rng(1), -1)).toThrow(/alpha/);
    const n: ShallowNet = cloneNet(shallowNet(1, 2, 1));
    expect(() => toSpline(n)).toThrow(/w = 0/);
  });
});
