/**
 * The shapes of expected bands and signals. `Band`, `Signal` and `Exception` are written as they are
 * into the review JSON, so every field is plain data (numbers, strings, booleans, null).
 */
import type { Direction, MetricKind } from '../metrics/types';
import type { TargetAssurance } from './assurance';

export type { Direction, MetricKind };

/** One metric on one grain: `values[i]` belongs to the period ending on `periods[i]`. */
export interface Series {
	/** ISO period-end dates (`YYYY-MM-DD`), ascending. */
	periods: string[];
	/** `null` is "no data": skipped when computing limits and looking for signals, never read as 0. */
	values: (number | null)[];
}

/** Weekly series feed the operational view, monthly series the strategic one. */
export type Grain = 'week' | 'month';

export type BandMethod = 'xmr' | 'xmr_median' | 'plan' | 'yoy' | 'fixed';

export type SignalRule = 'beyond_limit' | 'three_of_four' | 'eight_on_one_side' | 'moving_range';

export type Side = 'above' | 'below';

export type BandStatus = 'ok' | 'not_enough_history' | 'no_plan' | 'no_prior_year';

/** An inclusive range of period-end dates. */
export interface PeriodRange {
	from: string;
	to: string;
}

export interface Band {
	method: BandMethod;
	status: BandStatus;
	/** For plan and yoy, the centre and limits of the period under review (they move with the plan). */
	centre: number | null;
	/** What is drawn: the natural lower limit, raised to the metric's floor when it falls below it. */
	lower: number | null;
	upper: number | null;
	/** True when `lower` was raised to the floor; `naturalLower` keeps the computed value. */
	lowerClipped: boolean;
	naturalLower: number | null;
	/** The periods the limits were computed from; null for plan, yoy and fixed bands. */
	baseline: PeriodRange | null;
	/** How many values (nulls skipped) the limits were computed from, for xmr methods. */
	baselinePoints?: number;
	/** True when the baseline was chosen by the user rather than rolling with the review. */
	baselineLocked?: boolean;
	/** The known process change the baseline starts from, when there is one. */
	processChange?: string;
	averageMovingRange?: number;
	medianMovingRange?: number;
	/** Upper limit of the moving range chart; a week-over-week change above it is a signal. */
	movingRangeUpper?: number;
}

export interface Signal {
	rule: SignalRule;
	/** First and last period the signal covers (equal for a single value). */
	from: string;
	to: string;
	/** Whether this is good news given the metric's direction; null for neutral metrics. */
	good: boolean | null;
	/** Beyond which side of the band; for a moving range, whether the value jumped up or down. */
	side: Side;
}

export type Tolerance = { percent: number } | { absolute: number };

export type BandMethodConfig =
	| {
			method: 'xmr' | 'xmr_median';
			/** How many periods before the review the limits come from (default 26 weeks or 24 months). */
			baselineWindow?: number;
			/** Fewer values than this and the metric says "not enough history" (default 8). */
			minimumPoints?: number;
			/** Fix the limits to these periods instead of a window rolling with the review. */
			lockedBaseline?: PeriodRange;
	  }
	| { method: 'plan'; tolerance: Tolerance }
	| {
			method: 'yoy';
			/** Allowed year-over-year change either side of `expectedChangePercent`, in percent. */
			tolerancePercent: number;
			/** The year-over-year change the business expects (default 0). */
			expectedChangePercent?: number;
	  }
	| { method: 'fixed'; lower?: number; upper?: number; centre?: number };

/** What the bands need to know about a metric, beyond its values. */
export interface MetricBandConfig {
	id: string;
	direction: Direction;
	kind: MetricKind;
	/** Lowest possible value (0 for counts); a lower limit below it is clipped for display. */
	floor?: number;
	/** Default: `{ method: 'xmr' }`. */
	band?: BandMethodConfig;
	/** Rules to apply to this metric; overrides the review's rules. */
	rules?: SignalRule[];
	/**
	 * Dates where the metric's process changed (a launch, a price change). Limits and signals use only
	 * the periods ending on or after the latest such date up to the review.
	 */
	knownChanges?: string[];
	/** Plan values, aligned with `series.periods`; needed by the `plan` method. */
	plan?: (number | null)[];
	/** The same period a year earlier, aligned with `series.periods`; needed by the `yoy` method. */
	priorYear?: (number | null)[];
}

/** Settings shared by every metric of one review. */
export interface ReviewBandOptions {
	/** Default 'week'. Sets the default baseline window: 26 weeks or 24 months. */
	grain?: Grain;
	/** Rules for metrics that do not choose their own (default: all four). */
	rules?: SignalRule[];
}

/** A metric with a signal in the period under review. */
export interface Exception {
	metricId: string;
	kind: MetricKind;
	/** The rules that fired, in the order of `SIGNAL_RULES`. */
	rules: SignalRule[];
	signals: Signal[];
	period: string;
	value: number;
	band: { centre: number | null; lower: number | null; upper: number | null };
	/** The direction of the variance: the side of the most telling signal. */
	variance: Side;
	good: boolean | null;
	severity: number;
}

export interface MetricEvaluation {
	metricId: string;
	kind: MetricKind;
	/** The period under review and its value (null when there is no data for it). */
	period: string;
	value: number | null;
	band: Band;
	/** Signals whose period range includes the period under review. */
	signals: Signal[];
	/** Signals that ended before the period under review, for charts and the deep dive. */
	earlierSignals: Signal[];
	/** Whether the process meets the plan of the period under review (./assurance.ts). */
	assurance: TargetAssurance | null;
	exception: Exception | null;
}
