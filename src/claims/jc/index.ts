import type { Claim } from '../claim.ts';
import { jcMetricTensor } from './metric-tensor.ts';
import { jcConditionNumber } from './condition-number.ts';
import { jcClampLoss } from './clamp-loss.ts';
import { jcFid } from './fid.ts';
import { jcClassifierScore } from './classifier-score.ts';
import { jcClampEffect, jcClampEffectCorrected, jcClampEffectCorrectedReduced } from './clamp-effect.ts';

/** Every jc claim, listed explicitly (a test checks that no claim file is left out). jc.mnist lives in the TensorFlow.js tier (src/claims/tf). */
export const jcClaims: Claim[] = [
  jcMetricTensor,
  jcConditionNumber,
  jcClampLoss,
  jcFid,
  jcClassifierScore,
  jcClampEffect,
  jcClampEffectCorrected,
  jcClampEffectCorrectedReduced,
];
