/** Public face of the statistics module: hypothesis tests with p-values and effect sizes, and the distributions behind them. */
export type { Alternative } from './check.ts';
export { mean, median, std, quantile } from './descriptive.ts';
export { normalCdf, normalSf, normalQuantile, binomialPmf, binomialCdf, binomialSf, studentTCdf } from './distributions.ts';
export { lgamma, erf, erfc, incompleteBeta } from './special.ts';
export { rankWithTies } from './ranks.ts';
export { signTest, type SignTestResult } from './sign-test.ts';
export { wilcoxonSignedRank, WILCOXON_EXACT_MAX_N, type WilcoxonResult } from './wilcoxon.ts';
export { mannWhitneyU, MANN_WHITNEY_EXACT_MAX_N, type MannWhitneyResult } from './mann-whitney.ts';
export { bootstrapCI, type BootstrapOptions, type BootstrapCI } from './bootstrap.ts';
export { pearson, spearman, type CorrelationResult } from './correlation.ts';
export { linearFit, type LinearFit } from './linear-fit.ts';
export { pairedT, type PairedTResult } from './paired-t.ts';
export { logisticFit, LOGISTIC_RIDGE, type LogisticFit } from './logistic-fit.ts';
export { decideDirection, combineDecisions, describeDecision, type Decision, type Verdict, type DirectionInput } from './verdict.ts';
export { pairedDirection, twoSampleDirection, trendDirection, POWER_SIMULATIONS, type DirectionOptions } from './direction.ts';
export { RunningMean, bonferroniZ } from './mean-z.ts';
