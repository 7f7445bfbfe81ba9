/**
 * The catalog keeps every metric it was told about, also when the file that had its data is
 * removed: the edits (owner, band, plan) wait for the file to come back. The review, though,
 * reviews only what the data can answer, so a catalog metric whose data is gone is left out of
 * it, with a note, never an error.
 *
 * A metric has no data when its source's metric name is not in the loaded data, or it filters
 * on a segment column the data does not have, or (derived) one of its operands has no data. A
 * plan without data is dropped from its metric; the metric itself stays.
 */
import type { Catalog, MetricDefinition, MetricPlan, MetricSource } from '../metrics/types';

/** What the loaded data holds: its metric names and (when known) its segment columns. */
export interface DataContents {
	metrics: ReadonlySet<string | null>;
	dimensions?: ReadonlySet<string>;
}

/** What the loaded data holds, from its metric summaries (segment columns not checked). */
export function dataOf(metrics: { id: string }[]): DataContents {
	return { metrics: new Set(metrics.map((m) => m.id)) };
}

function sourceHasData(source: MetricSource, data: DataContents): boolean {
	if (!data.metrics.has(source.metric)) return false;
	const { dimensions } = data;
	if (!dimensions) return true;
	const used = [
		...Object.keys(source.filter ?? {}),
		...(source.conditions ?? []).map((c) => c.dimension)
	];
	return used.every((dimension) => dimensions.has(dimension));
}

/** The ids of the catalog's metrics that have no data, in catalog order. */
export function metricsWithoutData(catalog: Catalog, data: DataContents): string[] {
	const missing = new Set<string>();
	for (const metric of catalog.metrics) {
		if (metric.source && !sourceHasData(metric.source, data)) missing.add(metric.id);
	}
	// A derived metric of a derived metric: repeat until nothing changes.
	for (let changed = true; changed;) {
		changed = false;
		for (const metric of catalog.metrics) {
			if (missing.has(metric.id) || !metric.derived) continue;
			if (metric.derived.operands.some((id) => missing.has(id))) {
				missing.add(metric.id);
				changed = true;
			}
		}
	}
	return catalog.metrics.filter((m) => missing.has(m.id)).map((m) => m.id);
}

function planHasData(plan: MetricPlan, missing: Set<string>, data: DataContents): boolean {
	if ('metric' in plan) return !missing.has(plan.metric);
	if ('source' in plan) return sourceHasData(plan.source, data);
	return true;
}

/** The catalog the review can build: metrics without data left out, and plans without data. */
export function catalogWithData(
	catalog: Catalog,
	data: DataContents
): { catalog: Catalog; withoutData: string[] } {
	const withoutData = metricsWithoutData(catalog, data);
	const missing = new Set(withoutData);
	const plansMissing = catalog.metrics.some((m) => m.plan && !planHasData(m.plan, missing, data));
	if (missing.size === 0 && !plansMissing) return { catalog, withoutData };
	const metrics = catalog.metrics
		.filter((metric) => !missing.has(metric.id))
		.map((metric): MetricDefinition => {
			const { plan, ...rest } = metric;
			let kept: MetricDefinition = plan && !planHasData(plan, missing, data) ? rest : metric;
			if (kept.drives?.some((id) => missing.has(id))) {
				kept = { ...kept, drives: kept.drives.filter((id) => !missing.has(id)) };
			}
			return kept;
		});
	return { catalog: { ...catalog, metrics }, withoutData };
}
