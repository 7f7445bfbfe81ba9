/**
 * The review JSON: one documented form of a whole review, the same from the app's "Export JSON"
 * and from `flywheel review --json`. See README.md beside this file.
 */
import type {
	ComparisonMethod,
	DeckBlock,
	Direction,
	LineStyle,
	MetricKind,
	Unit,
	Weekday
} from '../metrics/types';
import type { TargetAssurance } from '../bands/assurance';
import type { Band, Exception, Signal } from '../bands/types';
import type { ReviewSummary as BandSummary } from '../bands/exceptions';
import type { ComparisonNote } from '../periods/comparison';
import type { DataGrain } from '../periods/grain';

/** A number, or null for no data. Numbers are unrounded. */
export type Value = number | null;

/** The box under a 6-12 chart; comparisons are shown x100 (percent) or x10,000 (bps). */
export interface Box {
	lastWeek: Value;
	wow: Value;
	yoy: Value;
	mtd: Value;
	mtdYoy: Value;
	qtd: Value;
	qtdYoy: Value;
	ytd: Value;
	ytdYoy: Value;
}

export type BoxCell = keyof Box;

export interface Series {
	cy: Value[];
	py: Value[];
}

export interface ReviewMetric {
	/** The id the deck shows (a catalog id, or a WBR App series such as `PageViewsYOY`). */
	id: string;
	label: string;
	kind: MetricKind;
	direction: Direction;
	unit: Unit;
	/** The currency code or stored duration unit, as the catalog gives it. */
	unitDetail?: string;
	/** Who answers for the metric in the meeting, as the catalog gives it. */
	owner?: string;
	comparison: ComparisonMethod;
	lineStyle: LineStyle;
	showPriorYear: boolean;
	/** How often the metric's data has a value: daily, weekly or monthly (../periods/grain.ts). */
	dataGrain: DataGrain;
	/** The six trailing weeks, oldest first; `py` are the weeks 364 days earlier. */
	sixWeeks: Series;
	/** The block's twelve months (trailing or fiscal year), oldest first, with the prior year. */
	twelveMonths: Series;
	box: Box;
	/** Why a box comparison is null: `no_data`, `no_baseline`, `partial_baseline`, `zero_baseline`. */
	notes: Partial<Record<BoxCell, ComparisonNote>>;
	/** The metric's plan over the same periods, when the catalog gives one. */
	plan: {
		sixWeeks: Value[];
		twelveMonths: Value[];
		lastWeek: Value;
		mtd: Value;
		qtd: Value;
		ytd: Value;
	} | null;
	/**
	 * The expected band of the week under review (../bands), or null for a comparison series
	 * (`XYOY`, `XWOW`, `XMOM`), which has none. `status` says when it could not be drawn.
	 */
	band: Band | null;
	/** The signals in the week under review; empty when there are none. */
	signals: Signal[];
	/** The same for the strategic view: the band of the last complete month and its signals. */
	monthlyBand: Band | null;
	monthlySignals: Signal[];
	/**
	 * Whether the process meets the plan of the week under review, read against the band's natural
	 * limits (../bands/assurance.ts); null without a plan or such limits. `monthlyAssurance`: the
	 * same for the last complete month.
	 */
	assurance: TargetAssurance | null;
	monthlyAssurance: TargetAssurance | null;
}

/** "12 of 19 metrics within their expected band", as counts and as the sentence shown. */
export interface ReviewSummary extends BandSummary {
	/** The period under review at this grain (ISO period-end date). */
	period: string;
	text: string;
}

export interface TableRow {
	/** The deck metric id, or null for a heading row. */
	id: string | null;
	label: string;
	values: Value[];
}

export interface ReviewBlock {
	title: string;
	type: DeckBlock['type'];
	/** The labels as shown: "wk 33" ... "wk 38", then "Sep" ... "Aug". */
	xAxis: string[];
	metrics: ReviewMetric[];
	/** Table blocks only. */
	headers?: string[];
	rows?: TableRow[];
}

export interface DateRange {
	start: string;
	end: string;
}

export interface Review {
	/** ISO date of the last day of the review's week. */
	weekEnding: string;
	weekEndingWeekday: Weekday;
	fiscalYearEndMonth: number;
	title?: string;
	/** The date ranges behind every number, so any figure can be re-derived. */
	periods: {
		sixWeeks: DateRange[];
		priorYearSixWeeks: DateRange[];
		trailingMonths: DateRange[];
		fiscalYearMonths: DateRange[];
		mtd: DateRange;
		qtd: DateRange;
		ytd: DateRange;
		priorYearMtd: DateRange;
		priorYearQtd: DateRange;
		priorYearYtd: DateRange;
	};
	/** The exception list: ids of the metrics with a signal in the week under review, most severe first. */
	exceptions: string[];
	/** The same metrics in the same order: the rules that fired, value, band, variance, good or bad. */
	exceptionDetails: Exception[];
	/** Everything else, counted. */
	summary: ReviewSummary;
	/** The strategic view's exception list, for the last complete month. */
	monthlyExceptions: string[];
	monthlyExceptionDetails: Exception[];
	monthlySummary: ReviewSummary;
	blocks: ReviewBlock[];
}
