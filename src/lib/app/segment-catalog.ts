/**
 * Segment filters for a whole review. `buildReview` takes no filter, so the filter travels in the
 * catalog: each metric's source gets the chosen segment values (`MetricSource.filter`), and the
 * review's one query does the rest. Only the columns a metric is split by are applied to it; a
 * metric the data does not split by region (a company-wide in-stock rate) is shown whole rather
 * than as "no data".
 *
 * A plan is kept only when it is split the same way as its metric: a region's orders against the
 * company's plan would read as a huge shortfall. So a source plan not split by the filtered
 * column, and a constant plan of an additive (`sum`) metric, are dropped while filtered; a constant
 * plan of a rate or level (an in-stock target of 95%) holds for every segment and stays.
 */
import type { Catalog, MetricDefinition, MetricSource } from '../metrics/types';
import type { SegmentFilters } from './review-url';

/** For each segment column, the store metric names that have values split by it. */
export type SegmentSplits = ReadonlyMap<string, ReadonlySet<string>>;

function filtered(
	source: MetricSource,
	filters: SegmentFilters,
	splits: SegmentSplits
): { source: MetricSource; applied: string[] } {
	const applied = Object.keys(filters).filter((dimension) =>
		splits.get(dimension)?.has(source.metric)
	);
	if (applied.length === 0) return { source, applied };
	const filter = { ...source.filter };
	for (const dimension of applied) filter[dimension] = filters[dimension] as string;
	return { source: { ...source, filter }, applied };
}

function filteredMetric(
	metric: MetricDefinition,
	filters: SegmentFilters,
	splits: SegmentSplits
): MetricDefinition {
	if (!metric.source) return metric;
	const { source, applied } = filtered(metric.source, filters, splits);
	if (applied.length === 0) return metric;
	const { plan, ...rest } = metric;
	if (!plan) return { ...rest, source };
	if ('source' in plan) {
		const planned = filtered(plan.source, filters, splits);
		const splitAlike = applied.every((dimension) => planned.applied.includes(dimension));
		return splitAlike
			? { ...rest, source, plan: { ...plan, source: planned.source } }
			: { ...rest, source };
	}
	if ('constant' in plan && (metric.aggregation ?? 'sum') === 'sum') return { ...rest, source };
	return { ...rest, source, plan };
}

export function filterCatalog(
	catalog: Catalog,
	filters: SegmentFilters,
	splits: SegmentSplits
): Catalog {
	if (Object.keys(filters).length === 0) return catalog;
	return {
		...catalog,
		metrics: catalog.metrics.map((metric) => filteredMetric(metric, filters, splits))
	};
}

/** The catalog metrics a filter leaves whole, because the data does not split them that way. */
export function unsplitMetrics(
	catalog: Catalog,
	filters: SegmentFilters,
	splits: SegmentSplits
): string[] {
	const dimensions = Object.keys(filters);
	if (dimensions.length === 0) return [];
	return catalog.metrics.flatMap((metric) =>
		metric.source && !dimensions.some((d) => splits.get(d)?.has(metric.source?.metric ?? ''))
			? [metric.id]
			: []
	);
}
