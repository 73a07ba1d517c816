/**
 * forward/backward run unit-major for speed but promise the sums of the sample-major form, in the
 * same order, so every recorded run (fixtures/ib/slow/) stays bit-identical. The reference below is
 * a transcription of the sample-major loops (the implementation before 2026-11-23).
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { backward, forward, heInit, netWork, paramCount, shallowNet, type ShallowNet } from '../../../src/systems/shallow-relu-gan/index.ts';

function refForward(net: ShallowNet, X: Float64Array, n: number, Y: Float64Array, A: Float64Array): void {
  const { d, H, D, W, b, V, c } = net;
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < H; i++) {
      let a: number;
      if (d === 1) a = W[i]! * X[s]! + b[i]!;
      else { a = b[i]!; for (let k = 0; k < d; k++) a += W[i * d + k]! * X[s * d + k]!; }
      A[s * H + i] = a;
    }
    for (let j = 0; j < D; j++) {
      let acc = 0;
      for (let i = 0; i < H; i++) { const a = A[s * H + i]!; acc += V[j * H + i]! * (a + Math.abs(a)); }
      Y[s * D + j] = c[j]! + 0.5 * acc;
    }
  }
}

function refBackward(net: ShallowNet, X: Float64Array, n: number, gY: Float64Array, A: Float64Array, gTheta: Float64Array | null, gX: Float64Array | null): void {
  const { d, H, D, W, V } = net;
  const oB = H * d, oV = oB + H, oC = oV + D * H;
  const gA = new Float64Array(H);
  for (let s = 0; s < n; s++) {
    gA.fill(0);
    for (let j = 0; j < D; j++) {
      const gy = gY[s * D + j]!;
      if (gy === 0) continue;
      if (gTheta) gTheta[oC + j] += gy;
      for (let i = 0; i < H; i++) {
        const a = A[s * H + i]!;
        if (gTheta) gTheta[oV + j * H + i] += 0.5 * gy * (a + Math.abs(a));
        gA[i] += gy * V[j * H + i]! * +(a > 0);
      }
    }
    if (gTheta) for (let i = 0; i < H; i++) { gTheta[oB + i] += gA[i]!; for (let k = 0; k < d; k++) gTheta[i * d + k] += gA[i]! * X[s * d + k]!; }
    if (gX) for (let k = 0; k < d; k++) { let g = 0; for (let i = 0; i < H; i++) g += gA[i]! * W[i * d + k]!; gX[s * d + k] = g; }
  }
}

describe('shallow net passes: unit-major = sample-major, bit for bit', () => {
  test.prop([fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean()])(
    'outputs, parameter gradients (accumulated onto a non-zero start) and input gradients are identical',
    (d, H, D, n, seed, someZero) => {
      const rng = new Rng(seed);
      const net = heInit(shallowNet(d, H, D), rng);
      for (let i = 0; i < net.c.length; i++) net.c[i] = rng.normal();
      const X = new Float64Array(n * d);
      rng.normals(X);
      const gY = new Float64Array(n * D);
      rng.normals(gY);
      if (someZero) gY[0] = 0;
      const Y = new Float64Array(n * D), Yr = new Float64Array(n * D), Ar = new Float64Array(n * H);
      const ws = netWork(net, n);
      forward(net, X, n, Y, ws);
      refForward(net, X, n, Yr, Ar);
      expect(Array.from(Y)).toEqual(Array.from(Yr));
      const start = new Float64Array(paramCount(d, H, D));
      rng.normals(start);
      const g = Float64Array.from(start), gr = Float64Array.from(start);
      const gX = new Float64Array(n * d).fill(7), gXr = new Float64Array(n * d).fill(7);
      backward(net, X, n, gY, ws, g, gX);
      refBackward(net, X, n, gY, Ar, gr, gXr);
      expect(Array.from(g)).toEqual(Array.from(gr));
      expect(Array.from(gX)).toEqual(Array.from(gXr));
      // Without a parameter gradient (the G step's pass through D) the input gradient is the same.
      const gX2 = new Float64Array(n * d);
      backward(net, X, n, gY, ws, null, gX2);
      expect(Array.from(gX2)).toEqual(Array.from(gXr));
    },
  );
});
