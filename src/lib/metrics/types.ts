/**
 * The metric catalog: each metric described once. A superset of the WBR App's `metrics:` section.
 * The file form (YAML or JSON) uses the same field names in snake_case.
 */

export type Aggregation = 'sum' | 'mean' | 'min' | 'max' | 'first' | 'last';
export type DerivedOperation = 'sum' | 'difference' | 'product' | 'divide';
export type MetricKind = 'input' | 'output';
export type Direction = 'higher_is_better' | 'lower_is_better' | 'neutral';
export type Unit = 'count' | 'currency' | 'percent' | 'bps' | 'duration' | 'number';
export type View = 'operational' | 'strategic';

/** Where a metric's daily values come from: a metric name of the observations store, optionally one segment. */
export interface MetricSource {
	/** The `metric` value in the observations store (a wide file's column name, or a long file's metric name). */
	metric: string;
	/** Only observations whose segment columns equal these values, e.g. `{ Department: 'Sales' }`. */
	filter?: Record<string, string>;
}

/** A plan: another metric's values, or a constant per day. */
export type MetricPlan = { metric: string; aggregation?: Aggregation } | { constant: number };

export interface MetricDefinition {
	id: string;
	label: string;
	/** Exactly one of `source` (with `aggregation`) or `derived`. */
	source?: MetricSource;
	aggregation?: Aggregation;
	derived?: { operation: DerivedOperation; operands: string[] };
	kind: MetricKind;
	direction: Direction;
	unit: Unit;
	/** For currency: ISO code; for duration: 's' | 'ms' | 'min' | 'h' | 'd'. */
	unitDetail?: string;
	plan?: MetricPlan;
	views: View[];
	owner?: string;
	/** Output metrics this input drives (ids). */
	drives?: string[];
	/** Lowest possible value (0 for counts); bands are clipped to it. */
	floor?: number;
}

export type Weekday =
	'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface ReviewSettings {
	/** The weekday a week ends on (the WBR App takes it from `week_ending`). */
	weekEndingWeekday: Weekday;
	/** 1-12: the last month of the fiscal year (12 = December). */
	fiscalYearEndMonth: number;
}

export interface Catalog {
	review: ReviewSettings;
	metrics: MetricDefinition[];
}
