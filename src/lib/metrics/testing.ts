/** Helpers for tests: a catalog metric with plain defaults. Not used by the app. */
import type { MetricDefinition } from './types';

/** A summed output counted in units, shown in the operational view; `extra` overrides. */
export function testMetric(id: string, extra: Partial<MetricDefinition> = {}): MetricDefinition {
	return {
		id,
		label: id,
		source: { metric: id },
		aggregation: 'sum',
		kind: 'output',
		direction: 'higher_is_better',
		unit: 'count',
		views: ['operational'],
		...extra
	};
}
