/**
 * The metrics linked to one by the catalog's `drives`: for an output, the inputs that drive it
 * (what the team can move); for an input, the outputs it drives (what it should move).
 */
import type { Catalog, MetricDefinition } from '../metrics/types';

export interface LinkedMetric {
	definition: MetricDefinition;
	/** `drives`: this linked input drives the metric; `driven`: the metric drives this output. */
	relation: 'drives' | 'driven';
}

export function linkedMetrics(catalog: Catalog, id: string): LinkedMetric[] {
	const byId = new Map(catalog.metrics.map((m) => [m.id, m]));
	const drivers = catalog.metrics
		.filter((m) => m.id !== id && m.drives?.includes(id))
		.map((definition) => ({ definition, relation: 'drives' as const }));
	const driven = (byId.get(id)?.drives ?? [])
		.map((output) => byId.get(output))
		.filter((m): m is MetricDefinition => m !== undefined && m.id !== id)
		.map((definition) => ({ definition, relation: 'driven' as const }));
	return [...drivers, ...driven];
}
