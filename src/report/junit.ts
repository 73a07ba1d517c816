/** junit.xml for CI systems: one suite per paper prefix, one test case per claim. */
import junitPkg, { type Builder } from 'junit-report-builder';
import type { Report } from './report.ts';

// The package is CommonJS: under NodeNext typing its default import is the module object, whose
// `default` is the builder instance (at run time either shape may arrive).
const root = ((junitPkg as unknown as { default?: Builder }).default ?? junitPkg) as Builder;

export function writeJunit(report: Report, file: string): void {
  const builder = root.newBuilder();
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  for (const r of report.results) {
    const prefix = r.id.split('.')[0]!;
    let suite = suites.get(prefix);
    if (!suite) {
      suite = builder.testSuite().name(`gan-claims.${prefix}`).property('globalSeed', String(report.globalSeed));
      suites.set(prefix, suite);
    }
    const tc = suite.testCase().className(`gan-claims.${prefix}`).name(`${r.id} (${r.expect})`).time(r.durationMs / 1000);
    if (r.status === 'skipped') tc.skipped();
    else if (!r.passed) {
      const msg = `expected ${r.expect}, got ${r.status}${r.message ? `: ${r.message}` : ''}`;
      if (r.status === 'error') tc.error(msg); else tc.failure(msg);
    }
    tc.standardOutput([`status: ${r.status}`, r.counterexampleText ? `counterexample: ${r.counterexampleText}` : '', `replay: ${r.replay}`].filter(Boolean).join('\n'));
  }
  builder.writeTo(file);
}
