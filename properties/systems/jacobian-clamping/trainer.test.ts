/**
 * The clamped trainer's use of the jacobian-clamping system (Algorithm 1 inside the generator step):
 * every generator step hands clampBatch the step's own batch of latents, perturbations of norm ε
 * (the configured ε, not the paper's 1), and the generator's gradient buffer; the trajectory records
 * the system's meanLogCondition at each evaluation.
 */
import { expect, test } from 'vitest';
import { jacobianClamping, trainGan, type GanConfig, type JacobianClamping } from '../../../src/systems/jacobian-clamping/index.ts';

const CFG: GanConfig = {
  data: { modes: 8, radius: 2, std: 0.05 }, nz: 2, hidden: 4, genAct: 'tanh', discAct: 'tanh', batch: 8,
  steps: 6, lrG: 1e-3, lrD: 1e-3, beta1: 0.5, evalEvery: 3, evalBatch: 4, evalSamples: 16,
};

test.each([0.3, 1, 2.5])('clamped training at ε = %s: clampBatch gets the batch, δ of norm ε and the gradient buffer', (eps) => {
  const calls: { B: number; norms: number[]; grad: boolean; weight: number | undefined }[] = [];
  let logConds = 0;
  const spy: JacobianClamping = {
    ...jacobianClamping,
    meanLogCondition: (G, zs) => { logConds++; return jacobianClamping.meanLogCondition(G, zs); },
    clampBatch: (G, zs, deltas, cfg, grad, weight) => {
      calls.push({ B: zs.length, norms: deltas.map((d) => Math.hypot(...Array.from(d))), grad: grad !== undefined, weight });
      expect(cfg.eps).toBe(eps);
      return jacobianClamping.clampBatch(G, zs, deltas, cfg, grad, weight);
    },
  };
  const run = trainGan(CFG, 7, { eps, lambdaMin: 1, lambdaMax: 20 }, spy);
  expect(calls.length).toBe(CFG.steps);
  for (const c of calls) {
    expect(c.B).toBe(CFG.batch);
    expect(c.grad).toBe(true);
    expect(c.weight ?? 1).toBe(1);
    for (const n of c.norms) expect(Math.abs(n - eps)).toBeLessThanOrEqual(1e-12 * eps);
  }
  expect(logConds).toBe(run.trajectory.length);
  expect(run.lastMeanQ).toBeGreaterThan(0);
});

test('unclamped training never calls clampBatch', () => {
  let called = 0;
  trainGan(CFG, 7, null, { ...jacobianClamping, clampBatch: (...a) => { called++; return jacobianClamping.clampBatch(...a); } });
  expect(called).toBe(0);
});
