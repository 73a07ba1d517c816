/** Attaches the one-line reason a refuted experiment reports (the runner shows evidence.reason as its message). */
import type { ExperimentOutcome } from '../claim.ts';

export function withReason(o: ExperimentOutcome, reason: () => string): ExperimentOutcome {
  const holds = (o.verdict ?? o.decision?.verdict ?? (o.holds ? 'holds' : 'refuted')) === 'holds';
  if (!holds) o.evidence = { reason: reason(), ...o.evidence };
  return o;
}
