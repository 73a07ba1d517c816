import type { Claim } from '../claim.ts';
import { ibThm1Density } from './thm1-density.ts';
import { ibThm1Monotone } from './thm1-monotone.ts';
import { ibLowDensitySlope } from './low-density-slope.ts';
import { ibBitonicDiscontinuities } from './bitonic-discontinuities.ts';
import { ibSplineReparam } from './spline-reparam.ts';
import { ibMetrics } from './metrics.ts';
import { ibLazyWidth, ibLazyWidthReduced } from './lazy-width.ts';
import { ibWidthHurts, ibWidthHurtsReduced } from './width-hurts.ts';
import { ibInitScale, ibInitScaleReduced } from './init-scale.ts';
import { ibAdaptivity, ibAdaptivityReduced } from './adaptivity.ts';
import { ibFig1Polytonic } from './fig1-polytonic.ts';
import { ibAdaptivityTrainingStep } from './training-step.ts';

/** Every ib claim, listed explicitly (a test checks that no claim file is left out). ib.mnist lives with the TensorFlow.js tier. */
export const ibClaims: Claim[] = [ibThm1Density, ibThm1Monotone, ibLowDensitySlope, ibBitonicDiscontinuities, ibSplineReparam, ibMetrics, ibLazyWidth, ibLazyWidthReduced, ibWidthHurts, ibWidthHurtsReduced, ibInitScale, ibInitScaleReduced, ibAdaptivity, ibAdaptivityReduced, ibAdaptivityTrainingStep, ibFig1Polytonic];
