import type { Claim } from '../claim.ts';
import { effVelocity } from './velocity.ts';
import { effAlg1Step } from './alg1-step.ts';
import { effGramSpectrum } from './gram-spectrum.ts';
import { effRegIdentity } from './reg-identity.ts';
import { effModeCollapseMetric } from './mode-collapse-metric.ts';
import { effSplitCondition, effSplitConditionGrid, effSplitConditionCorrected } from './split-condition.ts';
import { effNtkUniversality, effNtkUniversalitySpread, effNtkUniversalitySlow } from './ntk-universality.ts';
import { effNtkAnalytic, effNtkAnalyticSlope } from './ntk-analytic.ts';
import { effAppgValues, effAppgValuesReduced } from './appg-values.ts';
import { effOrderChaos, effOrderChaosEmpirical } from './order-chaos.ts';
import { effFig3Converges, effFig3ConvergesReduced, effFig3ConvergesReducedLogLik, effFig4Collapse, effFig4CollapseReduced } from './fig3-fig4.ts';
import { effPhaseTransition, effPhaseTransitionAlphaD,
  effPhaseTransitionAlphaDTanh, effPhaseTransitionReduced, effPhaseTransitionReducedLowPhi } from './phase-transition.ts';
import { effFourierBoundary, effFourierBoundaryReduced } from './fourier-boundary.ts';
import { effCriticalRegularization, effCriticalRegularizationReduced, effCriticalRegularizationFig8 } from './critical-regularization.ts';

/** Every eff claim, listed explicitly (a test checks that no claim file is left out). eff.appg-frozen lives in the TensorFlow.js tier. */
export const effClaims: Claim[] = [
  effVelocity,
  effAlg1Step,
  effGramSpectrum,
  effRegIdentity,
  effModeCollapseMetric,
  effSplitCondition,
  effSplitConditionGrid,
  effSplitConditionCorrected,
  effNtkUniversality,
  effNtkUniversalitySpread,
  effNtkUniversalitySlow,
  effNtkAnalytic,
  effNtkAnalyticSlope,
  effAppgValues,
  effAppgValuesReduced,
  effOrderChaos,
  effOrderChaosEmpirical,
  effFig3Converges,
  effFig3ConvergesReduced,
  effFig3ConvergesReducedLogLik,
  effFig4Collapse,
  effFig4CollapseReduced,
  effPhaseTransition,
  effPhaseTransitionAlphaD,
  effPhaseTransitionAlphaDTanh,
  effPhaseTransitionReduced,
  effPhaseTransitionReducedLowPhi,
  effFourierBoundary,
  effFourierBoundaryReduced,
  effCriticalRegularization,
  effCriticalRegularizationReduced,
  effCriticalRegularizationFig8,
];
