/**
 * Which segment drove a metric's change: for each segment column the data splits the metric by,
 * the metric's value per segment value in the week under review, the week before and the same
 * week last year. Each segment's figures are the review's own: the catalog is filtered to the one
 * segment value exactly as the review's segment filter does (segment-catalog.ts) and the week's
 * periods are the review's `W0`, `W1` and `PW0`, composed by the review's own rules. So a
 * ratio (conversion) is the segment's ratio of totals, and a `mean` is the segment's mean.
 *
 * Only an additive metric (a `sum` of a source) splits its change into parts that add up to the
 * whole; for any other the table shows each segment's own values and change, and says so.
 */
import type { Engine } from '../engine/types';
import type { Catalog, MetricDefinition } from '../metrics/types';
import { reviewPeriods } from '../periods/periodTable';
import { PeriodValues } from '../review/periodValues';
import { storeFor } from '../review/reviewCache';
import { planReviewMetrics } from '../review/reviewMetrics';
import type { Value } from '../review/types';
import type { Segment } from './review-data';
import type { SegmentFilters } from './review-url';
import { filterCatalog, type SegmentSplits } from './segment-catalog';

/** The week under review, the week before it and the same week last year (364 days earlier). */
const WEEKS = { current: 'W0', previous: 'W1', priorYear: 'PW0' } as const;

export interface WeekFigures {
	current: Value;
	previous: Value;
	priorYear: Value;
}

export interface SegmentFigures extends WeekFigures {
	/** The segment value, e.g. `web`. */
	value: string;
}

export interface SegmentBreakdown {
	/** The segment column, e.g. `channel`. */
	dimension: string;
	/** Largest change against last year first (see `bySegmentChange`). */
	segments: SegmentFigures[];
}

export interface MetricSegments {
	/** The metric as the review shows it (with the review's filters), for the total row. */
	total: WeekFigures;
	/** True when the segments' changes add up to the total's: a `sum` of one source. */
	additive: boolean;
	breakdowns: SegmentBreakdown[];
}

export type Baseline = 'previous' | 'priorYear';

export function isAdditive(definition: MetricDefinition): boolean {
	return !definition.derived && (definition.aggregation ?? 'sum') === 'sum';
}

/** The segment's change against a baseline, in the metric's unit; null when either side is missing. */
export function change(figures: WeekFigures, against: Baseline): Value {
	const baseline = figures[against];
	return figures.current === null || baseline === null ? null : figures.current - baseline;
}

/** Largest change first, whichever its sign: the segment that moved the metric most; no data last. */
export function bySegmentChange(
	segments: readonly SegmentFigures[],
	against: Baseline
): SegmentFigures[] {
	const size = (s: SegmentFigures) => {
		const moved = change(s, against);
		return moved === null ? -1 : Math.abs(moved);
	};
	return [...segments].sort((a, b) => size(b) - size(a) || a.value.localeCompare(b.value));
}

/**
 * The segment that drove the change, when one did: the largest change is at least twice the next
 * largest. When every segment moved alike (all regions slower), no single one is named.
 */
export function driverOf(
	segments: readonly SegmentFigures[],
	against: Baseline
): SegmentFigures | null {
	const [first, second] = bySegmentChange(segments, against);
	const size = (s: SegmentFigures | undefined) => Math.abs((s && change(s, against)) ?? 0);
	if (!first || size(first) === 0) return null;
	return size(first) >= 2 * size(second) ? first : null;
}

/** The store metrics a catalog metric reads, its derived operands' included. */
function storeMetrics(catalog: Catalog, id: string, seen = new Set<string>()): string[] {
	if (seen.has(id)) return [];
	seen.add(id);
	const definition = catalog.metrics.find((m) => m.id === id);
	if (!definition) return [];
	if (definition.source) return [definition.source.metric];
	return (definition.derived?.operands ?? []).flatMap((o) => storeMetrics(catalog, o, seen));
}

/** Plans are not needed here, and a plan not split like its metric would only cost a join. */
function withoutPlans(catalog: Catalog): Catalog {
	return {
		...catalog,
		metrics: catalog.metrics.map((metric) => {
			const copy = { ...metric };
			delete copy.plan;
			return copy;
		})
	};
}

/** The week figures of metric `id` under each catalog (the review's, and one per segment value), from one store. */
async function weekFigures(
	engine: Engine,
	catalogs: Catalog[],
	id: string,
	weekEnding: string
): Promise<WeekFigures[]> {
	const first = catalogs[0];
	if (!first) return [];
	const plans = catalogs.map((catalog) => planReviewMetrics(catalog, [id]));
	const wanted = new Set<string>(Object.values(WEEKS));
	const periods = reviewPeriods(first.review, weekEnding).filter((p) => wanted.has(p.id));
	const needs = {
		sources: plans.flatMap((plan) => plan.sources),
		ordered: plans.flatMap((plan) => plan.ordered)
	};
	const store = await storeFor(engine, needs, first.review.weekEndingWeekday, undefined);
	return Promise.all(
		plans.map(async (plan) => {
			const table = await PeriodValues.compute(engine, store, plan, periods);
			return {
				current: table.value(id, WEEKS.current),
				previous: table.value(id, WEEKS.previous),
				priorYear: table.value(id, WEEKS.priorYear)
			};
		})
	);
}

/**
 * The metric `id` by segment, for every segment column that splits it and that the review is not
 * already filtered to. `catalog` is the review's catalog before its filters; `filters` the review's.
 */
export async function metricSegments(
	engine: Engine,
	catalog: Catalog,
	id: string,
	options: {
		weekEnding: string;
		filters: SegmentFilters;
		segments: readonly Segment[];
		splits: SegmentSplits;
	}
): Promise<MetricSegments> {
	const definition = catalog.metrics.find((m) => m.id === id);
	if (!definition) throw new Error(`the catalog does not define "${id}"`);
	const plain = withoutPlans(catalog);
	const reviewed = filterCatalog(plain, options.filters, options.splits);
	const reads = storeMetrics(catalog, id);
	// A metric some of whose operands are not split this way has no per-segment value.
	const split = options.segments.filter(
		({ dimension }) =>
			options.filters[dimension] === undefined &&
			reads.length > 0 &&
			reads.every((m) => options.splits.get(dimension)?.has(m))
	);
	const catalogs = [
		reviewed,
		...split.flatMap(({ dimension, values }) =>
			values.map((value) =>
				filterCatalog(plain, { ...options.filters, [dimension]: value }, options.splits)
			)
		)
	];
	// Every segment value's figures from one store: one scan of the data for all of them.
	const [total, ...figures] = await weekFigures(engine, catalogs, id, options.weekEnding);
	let next = 0;
	const breakdowns: SegmentBreakdown[] = split.map(({ dimension, values }) => {
		const segments = values.map((value) => ({ value, ...(figures[next++] as WeekFigures) }));
		return { dimension, segments: bySegmentChange(segments, 'priorYear') };
	});
	return { total: total as WeekFigures, additive: isAdditive(definition), breakdowns };
}
