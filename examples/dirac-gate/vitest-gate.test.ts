/**
 * What a user's repository adds to its own test suite: every fast dirac.* claim as a vitest test
 * over their implementation. `vitest run` fails when a change breaks a claim, printing the
 * counterexample and a replay command that names this implementation file.
 */
import { describeClaims } from 'gan-claims/vitest';
import myDirac from './correct-dirac.ts';

describeClaims('dirac.*', { impls: { 'dirac-gan': myDirac }, implFiles: { 'dirac-gan': 'examples/dirac-gate/correct-dirac.ts' } });
