/** Expected bands and signals. See README.md beside this file for the rules and defaults. */
export { evaluateMetric } from './evaluate';
export { targetAssurance } from './assurance';
export type { AssuranceVerdict, TargetAssurance } from './assurance';
export { describeSummary, rankExceptions, severity, INPUT_BONUS } from './exceptions';
export type { ReviewSummary } from './exceptions';
export { DEFAULT_BASELINE_WINDOW, DEFAULT_MINIMUM_POINTS } from './baseline';
export { SIGNAL_RULES, detectSignals, isGoodNews } from './signals';
export type { BandPoint, SignalSpan } from './signals';
export { processLimits, AVERAGE_MOVING_RANGE_FACTORS, MEDIAN_MOVING_RANGE_FACTORS } from './xmr';
export type { ProcessLimits, MovingRangeStatistic } from './xmr';
export type * from './types';
