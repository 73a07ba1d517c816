import type { Claim } from '../claim.ts';
import { ntkIpmLinear } from './ipm-linear.ts';
import { ntkMmd } from './mmd.ts';
import { ntkLsganClosedForm, ntkLsganClosedFormCorrected } from './lsgan-closed-form.ts';
import { ntkGeneratorMmdFlow } from './generator-mmd-flow.ts';
import { ntkFiniteWidth, ntkFiniteWidthReduced } from './finite-width.ts';

/** Every ntk claim, listed explicitly (a test checks that no claim file is left out). */
export const ntkClaims: Claim[] = [
  ntkIpmLinear,
  ntkMmd,
  ntkLsganClosedForm,
  ntkLsganClosedFormCorrected,
  ntkGeneratorMmdFlow,
  ntkFiniteWidth,
  ntkFiniteWidthReduced,
];
