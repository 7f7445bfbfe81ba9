/**
 * The metric catalog: each metric described once. A superset of the WBR App's `metrics:` section.
 * The file form (YAML or JSON) uses the same field names in snake_case.
 */
import type { BandMethod, SignalRule } from '../bands/types';

export type Aggregation = 'sum' | 'mean' | 'min' | 'max' | 'first' | 'last';
export type DerivedOperation = 'sum' | 'difference' | 'product' | 'divide';
export type MetricKind = 'input' | 'output';
export type Direction = 'higher_is_better' | 'lower_is_better' | 'neutral';
export type Unit = 'count' | 'currency' | 'percent' | 'bps' | 'duration' | 'number';
export type View = 'operational' | 'strategic';

/** How a segment condition compares (the WBR App's filter relations). */
export type SegmentOperator = '==' | '!=' | '>' | '<' | '>=' | '<=';

/** A condition on a segment column, e.g. `{ dimension: 'Department', operator: '==', value: 'Sales' }`. */
export interface SegmentCondition {
	dimension: string;
	operator: SegmentOperator;
	value: string | number;
}

/** Where a metric's daily values come from: a metric name of the observations store, optionally one segment. */
export interface MetricSource {
	/** The `metric` value in the observations store (a wide file's column name, or a long file's metric name). */
	metric: string;
	/** Only observations whose segment columns equal these values, e.g. `{ Department: 'Sales' }`. */
	filter?: Record<string, string>;
	/** Other relations than equality (the WBR App's `!=`, `>`, ...); all conditions must hold. */
	conditions?: SegmentCondition[];
}

/**
 * A plan: a catalog metric's values (`metric`, an id), a column of the data (`source`, aggregated
 * like `aggregation` or like the metric itself), or a constant per day (aggregated like the metric).
 */
export type MetricPlan =
	{ metric: string } | { source: MetricSource; aggregation?: Aggregation } | { constant: number };

/**
 * How the current value is compared with its baseline: `percent` is CY/PY - 1 (shown x100),
 * `bps` is CY - PY (shown x10,000), the WBR App's `metric_comparison_method: bps`.
 */
export type ComparisonMethod = 'percent' | 'bps';

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
	/** Default `percent`. */
	comparison?: ComparisonMethod;
	views: View[];
	owner?: string;
	/** Output metrics this input drives (ids). */
	drives?: string[];
	/** Lowest possible value (0 for counts); bands are clipped to it. */
	floor?: number;
	/** How the metric's expected band is drawn; default `{ method: 'xmr' }`. */
	band?: MetricBand;
}

/**
 * A metric's expected band (the file's `band:`), read by ../bands (see its README.md for the
 * methods). Fields apply to the methods named beside them; the others are rejected when parsed.
 */
export interface MetricBand {
	method: BandMethod;
	/** xmr, xmr_median: how many periods before the review the limits come from (default 26 weeks, 24 months). */
	baselineWeeks?: number;
	baselineMonths?: number;
	/** xmr, xmr_median: fewer values and the band is "not enough history" (default 8). */
	minimumPoints?: number;
	/** xmr, xmr_median: limits from exactly these periods (inclusive ISO dates) instead of rolling. */
	lockedBaseline?: { from: string; to: string };
	/** plan: the band's half-width in percent of the plan; yoy: in percent of last year's value. */
	tolerancePercent?: number;
	/** plan: the band's half-width in the metric's own unit (instead of a percent). */
	tolerance?: number;
	/** yoy: the year-over-year change the business expects, in percent (default 0). */
	expectedChangePercent?: number;
	/** fixed: the range; either end may be left out (a service level). */
	lower?: number;
	upper?: number;
	centre?: number;
	/** Dates the metric's process changed (a launch, a price change): limits restart there. */
	knownChanges?: string[];
	/** Which detection rules to apply (default all four). */
	rules?: SignalRule[];
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
	/** Fields whose value Flywheel guessed (not written in the file), by metric id, for the user to confirm. */
	guessed?: Record<string, (keyof MetricDefinition)[]>;
}

/** How a graph draws a metric (the WBR App's `line_style`). */
export type LineStyle = 'primary' | 'secondary' | 'target';

/** Which months the twelve-month half of a 6-12 chart shows. */
export type MonthlyDisplay = 'trailing_twelve_months' | 'fiscal_year';

/**
 * A metric as a deck shows it. `id` is what the deck names; usually a catalog id, or a WBR App
 * comparison series such as `PageViewsYOY`, which is `metric` compared over `comparison`.
 */
export interface DeckMetric {
	id: string;
	metric: string;
	comparison?: 'yoy' | 'wow' | 'mom';
	lineStyle?: LineStyle;
	showPriorYear?: boolean;
	legend?: string;
}

export type DeckBlock =
	| {
			type: '6_12Graph';
			title: string;
			monthlyDisplay: MonthlyDisplay;
			metrics: DeckMetric[];
	  }
	| {
			type: '6_WeeksTable' | '12_MonthsTable';
			title: string;
			monthlyDisplay: MonthlyDisplay;
			/** A row without a metric is a heading. */
			rows: { header: string; metric?: DeckMetric }[];
	  }
	| { type: 'section'; title: string };

/** What a review shows, block by block (the WBR App's `deck`). */
export interface Deck {
	title?: string;
	/** The week ending the configuration names (ISO date), if any. */
	weekEnding?: string;
	/** The configuration's number for the week ending's week (the WBR App's `week_number`). */
	weekNumber?: number;
	blocks: DeckBlock[];
}
