/**
 * correct-jc.ts with ONE bug: the metric tensor as J Jᵀ (n_x × n_x) instead of 003 §2's
 * M_z = J_zᵀJ_z (n_z × n_z). Its nonzero eigenvalues are the same, but for n_x > n_z it has n_x − n_z
 * extra zero eigenvalues, so the condition number is infinite, and for n_x ≠ n_z it has the wrong shape.
 */
import { linalg, type jacobianClamping } from 'gan-claims';
import { build } from './correct-jc.ts';

const impl: jacobianClamping.JacobianClamping = build({
  metricOf: (J) => linalg.matmul(J, linalg.transpose(J)), // BUG: JJᵀ
});

export default impl;
