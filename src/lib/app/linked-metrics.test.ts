import { describe, expect, it } from 'vitest';
import type { Catalog, MetricDefinition } from '../metrics/types';
import { linkedMetrics } from './linked-metrics';

const metric = (
	id: string,
	kind: MetricDefinition['kind'],
	drives?: string[]
): MetricDefinition => ({
	id,
	label: id,
	source: { metric: id },
	kind,
	direction: 'higher_is_better',
	unit: 'count',
	views: ['operational'],
	...(drives ? { drives } : {})
});

// As in the demo catalog: page load drives conversion and orders, in-stock rate drives orders.
const catalog: Catalog = {
	review: { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 },
	metrics: [
		metric('page_load_p90', 'input', ['conversion_rate', 'orders']),
		metric('in_stock_rate', 'input', ['orders', 'missing_metric']),
		metric('conversion_rate', 'output'),
		metric('orders', 'output')
	]
};

describe('metrics linked by drives', () => {
	it("gives an input the outputs it drives, in the catalog's order, skipping unknown ids", () => {
		expect(
			linkedMetrics(catalog, 'page_load_p90').map((l) => [l.definition.id, l.relation])
		).toEqual([
			['conversion_rate', 'driven'],
			['orders', 'driven']
		]);
		expect(linkedMetrics(catalog, 'in_stock_rate').map((l) => l.definition.id)).toEqual(['orders']);
	});

	it('gives an output the inputs that drive it', () => {
		expect(linkedMetrics(catalog, 'orders').map((l) => [l.definition.id, l.relation])).toEqual([
			['page_load_p90', 'drives'],
			['in_stock_rate', 'drives']
		]);
	});
});
