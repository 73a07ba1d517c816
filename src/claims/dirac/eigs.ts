import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { regularizedEigenvalues } from '../../systems/dirac-gan/index.ts';
import { scale } from '../../linalg/index.ts';
import { APP_E, eigDistance, eigenvalues, fieldJacobian, system } from './common.ts';

/**
 * Eigenvalue tolerance. Away from β = 2 rounding moves eigenvalues by O(ε‖J‖) ≈ 1e-14·β; at the
 * double root β = 2 the matrix is defective and a perturbation ε moves them by O(√ε) ≈ 1.5e-8.
 * 1e-7 covers the defective case with margin; the β-proportional term covers large β.
 */
const EIG_ATOL = 1e-7;
const EIG_RTOL = 1e-12;

export const diracEigs = property({
  id: 'dirac.eigs',
  source: APP_E,
  statement: 'Diagonalizing, we obtain the eigenvalues of the dynamical matrix: (β ± √(β² − 4))/2, giving us critical damping at β = 2.',
  checks:
    'For generated β ∈ [0, 50] (0, 2 and 4 included), the Jacobian of the system\'s vector field at (0, 0), taken by central differences, has numerical eigenvalues (Francis QR) equal to (−β ± √(β² − 4))/2, and −J has the printed (β ± √(β² − 4))/2 (the printed form is the spectrum of the dynamical matrix M of ẋ = −Mx).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['dirac-gan'],
  arbitrary: fc.record({ beta: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0, 2, 4)) }),
  check: ({ beta }, ctx) => {
    const J = fieldJacobian(system(ctx).regularizedField(beta));
    const closed = regularizedEigenvalues(beta);
    const tol = EIG_ATOL + EIG_RTOL * beta;
    const errJ = eigDistance(eigenvalues(J), closed);
    ensure(errJ <= tol, `eigenvalues of J at β = ${beta} differ from (−β ± √(β² − 4))/2 by ${errJ.toExponential(3)} > ${tol.toExponential(3)}`, {
      beta, numeric: eigenvalues(J), closedForm: closed,
    });
    // The printed formula: eigenvalues of the dynamical matrix −J.
    const printed = closed.map((l) => ({ re: -l.re, im: -l.im }));
    const errPrinted = eigDistance(eigenvalues(scale(J, -1)), printed);
    ensure(errPrinted <= tol, `eigenvalues of −J at β = ${beta} differ from the printed (β ± √(β² − 4))/2 by ${errPrinted.toExponential(3)}`, { beta });
    return { maxEigError: Math.max(errJ, errPrinted) };
  },
});
