/**
 * correct-ipm.ts with ONE bug: the discriminator step drops the generated masses p̃ⱼ (for p̃ⱼ = 1/n
 * the missing 1/n), subtracting η_d Σⱼ K(·, x̃ⱼ) instead of η_d Σⱼ p̃ⱼ K(·, x̃ⱼ) in eq. (4)/(5).
 * Theorem 1's θ* = (Δᵢ/λ) a(xᵢ) is then no longer a fixed point.
 */
import type { ipm, kernels } from 'gan-claims';

type Points = ipm.IpmPoints;

/** ∇ₓ(a(x)ᵀθ) for every generated point, Ng×d. */
function generatorGrads(map: kernels.FeatureMap, genX: Float64Array, d: number, theta: Float64Array): Float64Array {
  const g = new Float64Array(genX.length);
  for (let j = 0; j < genX.length / d; j++) map.gradDot(genX.subarray(j * d, (j + 1) * d), theta, g.subarray(j * d, (j + 1) * d));
  return g;
}

function paramStep(map: kernels.FeatureMap, pts: Points, steps: ipm.IpmSteps, scheme: ipm.Scheme, theta: Float64Array) {
  const { d, trueX, p, genX, pTilde } = pts;
  const { lambda, etaD, etaG } = steps;
  const F = map.size;
  const a = new Float64Array(F);
  // discriminator ascent direction of eq. (3)'s objective
  const dir = new Float64Array(F);
  for (let i = 0; i < p.length; i++) {
    map.features(trueX.subarray(i * d, (i + 1) * d), a);
    for (let f = 0; f < F; f++) dir[f] += p[i]! * a[f]!;
  }
  for (let j = 0; j < pTilde.length; j++) {
    map.features(genX.subarray(j * d, (j + 1) * d), a);
    for (let f = 0; f < F; f++) dir[f] -= a[f]!; // BUG: missing the mass p̃ⱼ
  }
  const next = new Float64Array(F);
  for (let f = 0; f < F; f++) next[f] = theta[f]! + etaD * (dir[f]! - lambda * theta[f]!);
  const g = generatorGrads(map, genX, d, scheme === 'simultaneous' ? theta : next);
  const x = Float64Array.from(genX);
  for (let j = 0; j < pTilde.length; j++) for (let b = 0; b < d; b++) x[j * d + b] += etaG * pTilde[j]! * g[j * d + b]!;
  return { theta: next, genX: x };
}

function functionSpace(kernel: kernels.FullKernel, pts: Points, steps: ipm.IpmSteps, scheme: ipm.Scheme, start: ipm.IpmStart = {}): ipm.IpmRun {
  const { d, trueX, p, pTilde } = pts;
  const { lambda, etaD, etaG } = steps;
  const x = Float64Array.from(pts.genX);
  let scale0 = 1; // weight of the initial function f0
  const centres: Float64Array[] = [];
  const weights: number[] = [];
  for (let i = 0; i < p.length; i++) {
    centres.push(trueX.slice(i * d, (i + 1) * d));
    weights.push(start.c0 ? start.c0[i]! : 0);
  }
  const lastBump = new Array<number>(pTilde.length).fill(-1);
  const tmp = new Float64Array(d);
  const f: ipm.Discriminator = {
    value(at) {
      let s = start.f0 ? scale0 * start.f0.value(at) : 0;
      for (let m = 0; m < centres.length; m++) s += weights[m]! * kernel.k(at, centres[m]!);
      return s;
    },
    grad(at, out) {
      out.fill(0);
      if (start.f0) {
        start.f0.grad(at, tmp);
        for (let b = 0; b < d; b++) out[b] += scale0 * tmp[b]!;
      }
      for (let m = 0; m < centres.length; m++) {
        kernel.gradX(at, centres[m]!, tmp);
        for (let b = 0; b < d; b++) out[b] += weights[m]! * tmp[b]!;
      }
      return out;
    },
  };
  const grads = () => {
    const g = new Float64Array(x.length);
    for (let j = 0; j < pTilde.length; j++) f.grad(x.subarray(j * d, (j + 1) * d), g.subarray(j * d, (j + 1) * d));
    return g;
  };
  return {
    x,
    f,
    addBump(z, w) {
      centres.push(Float64Array.from(z));
      weights.push(w);
    },
    step() {
      const gOld = scheme === 'simultaneous' ? grads() : null;
      // eq. (5): shrink by (1 − η_dλ), add η_d pᵢ K(·, xᵢ) and −η_d p̃ⱼ K(·, x̃ⱼ)
      scale0 *= 1 - etaD * lambda;
      for (let m = 0; m < weights.length; m++) weights[m] *= 1 - etaD * lambda;
      for (let i = 0; i < p.length; i++) weights[i] += etaD * p[i]!;
      for (let j = 0; j < pTilde.length; j++) {
        const xj = x.subarray(j * d, (j + 1) * d);
        const last = lastBump[j]!;
        if (last >= 0 && centres[last]!.every((v, b) => v === xj[b])) {
          weights[last] -= etaD; // BUG: missing the mass p̃ⱼ
        } else {
          lastBump[j] = centres.length;
          centres.push(Float64Array.from(xj));
          weights.push(-etaD); // BUG: missing the mass p̃ⱼ
        }
      }
      const g = gOld ?? grads();
      for (let j = 0; j < pTilde.length; j++) for (let b = 0; b < d; b++) x[j * d + b] += etaG * pTilde[j]! * g[j * d + b]!;
    },
  };
}

const impl: ipm.Ipm = { paramStep, functionSpace };
export default impl;
