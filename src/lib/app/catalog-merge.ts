/**
 * Changes to the kept catalog, each applied to the catalog as it is stored right before the
 * write (another tab may have changed other entries since this one read it): one metric's
 * fields, one metric deleted, or an imported file's metrics. Pure functions, so the merge of two
 * tabs' edits is tested without a browser (catalog-merge.test.ts).
 */
import { catalogFromMetrics } from '../metrics/catalogFile';
import type { Catalog, MetricDefinition } from '../metrics/types';

/** One metric's fields changed; the fields given are no longer guesses. Other entries untouched. */
export function changeMetric(
	catalog: Catalog,
	id: string,
	change: Partial<MetricDefinition>
): Catalog {
	if (!catalog.metrics.some((m) => m.id === id)) return catalog;
	const guessed = { ...catalog.guessed };
	const confirmed = Object.keys(change) as (keyof MetricDefinition)[];
	if (guessed[id]) guessed[id] = guessed[id].filter((field) => !confirmed.includes(field));
	return {
		...catalog,
		guessed,
		metrics: catalog.metrics.map((m) => (m.id === id ? { ...m, ...change } : m))
	};
}

/** The metrics that use `id` (as an operand or as their plan), by label: they block deleting it. */
export function usersOf(catalog: Catalog, id: string): string[] {
	return catalog.metrics
		.filter(
			(m) =>
				m.id !== id &&
				(m.derived?.operands.includes(id) || (m.plan && 'metric' in m.plan && m.plan.metric === id))
		)
		.map((m) => m.label);
}

/** The catalog without one metric; links to it from other metrics' `drives` go with it. */
export function deleteMetric(catalog: Catalog, id: string): Catalog {
	const guessed = { ...catalog.guessed };
	delete guessed[id];
	const metrics = catalog.metrics
		.filter((m) => m.id !== id)
		.map((m) => (m.drives?.includes(id) ? { ...m, drives: m.drives.filter((d) => d !== id) } : m));
	return { ...catalog, guessed, metrics };
}

/** The data columns a metric reads: its own and its plan's. */
export function columnsOf(metric: MetricDefinition): string[] {
	return [
		...(metric.source ? [metric.source.metric] : []),
		...(metric.plan && 'source' in metric.plan ? [metric.plan.source.metric] : [])
	];
}

/**
 * A Flywheel catalog file imported over the kept catalog changes only the metrics it names: an
 * entry of the same id is replaced where it stands, a new one is added at the end, and a guess
 * made from a column the file now describes (a metric's source or its plan, "Orders plan") makes
 * way. The review settings change only when the file has a `review:` section.
 */
export function mergeImported(current: Catalog, imported: Catalog, hasReview: boolean): Catalog {
	const byId = new Map(imported.metrics.map((m) => [m.id, m]));
	const described = new Set(imported.metrics.flatMap(columnsOf));
	const isGuess = (m: MetricDefinition) => (current.guessed?.[m.id]?.length ?? 0) > 0;
	const kept = current.metrics
		.filter((m) => byId.has(m.id) || !isGuess(m) || !columnsOf(m).some((c) => described.has(c)))
		.map((m) => byId.get(m.id) ?? m);
	const keptIds = new Set(kept.map((m) => m.id));
	const added = imported.metrics.filter((m) => !keptIds.has(m.id));
	const guessed = { ...current.guessed };
	for (const id of Object.keys(guessed)) if (byId.has(id) || !keptIds.has(id)) delete guessed[id];
	return {
		review: hasReview ? imported.review : current.review,
		metrics: [...kept, ...added],
		guessed: { ...guessed, ...imported.guessed }
	};
}

/** Metrics in the data the catalog does not describe yet (and were not deleted) join it as guesses. */
export function withNewMetrics(
	catalog: Catalog,
	metricNames: string[],
	deleted: readonly string[] = []
): Catalog {
	const described = new Set(catalog.metrics.flatMap((m) => [m.id, ...columnsOf(m)]));
	const fresh = metricNames.filter((name) => !described.has(name) && !deleted.includes(name));
	if (fresh.length === 0) return catalog;
	const guesses = catalogFromMetrics(fresh, catalog.review);
	return {
		...catalog,
		metrics: [...catalog.metrics, ...guesses.metrics],
		guessed: { ...catalog.guessed, ...guesses.guessed }
	};
}
