import { describe, expect, it } from 'vitest';
import { testMetric } from '../metrics/testing';
import type { Catalog } from '../metrics/types';
import { catalogWithData, metricsWithoutData } from './catalog-data';

const review = { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 } as const;

/** Orders and sessions are in the data; refunds was in a file since removed. */
const catalog: Catalog = {
	review,
	metrics: [
		testMetric('orders', { owner: 'Avery', drives: ['refunds'], plan: { metric: 'refunds' } }),
		testMetric('sessions', { plan: { source: { metric: 'sessions_plan' } } }),
		testMetric('refunds', { owner: 'Sam' }),
		testMetric('refund_rate', {
			source: undefined,
			aggregation: undefined,
			derived: { operation: 'divide', operands: ['refunds', 'orders'] }
		}),
		testMetric('north_orders', { source: { metric: 'orders', filter: { region: 'North' } } })
	]
};
const data = { metrics: new Set(['orders', 'sessions']), dimensions: new Set(['region']) };

describe('catalog metrics whose data is gone', () => {
	it('names the metric whose file was removed and the derived metric that needs it', () => {
		expect(metricsWithoutData(catalog, data)).toEqual(['refunds', 'refund_rate']);
	});

	it('leaves them out of the review, with their references, and keeps the rest as it was', () => {
		const { catalog: reviewed, withoutData } = catalogWithData(catalog, data);
		expect(withoutData).toEqual(['refunds', 'refund_rate']);
		expect(reviewed.metrics.map((m) => m.id)).toEqual(['orders', 'sessions', 'north_orders']);
		const orders = reviewed.metrics[0];
		expect(orders?.owner).toBe('Avery');
		expect(orders?.plan).toBeUndefined();
		expect(orders?.drives).toEqual([]);
		// sessions_plan is not in the data either: the plan goes, the metric stays.
		expect(reviewed.metrics[1]?.plan).toBeUndefined();
		// The catalog itself is not changed: the edits wait for the file to come back.
		expect(catalog.metrics).toHaveLength(5);
	});

	it('counts a filter on a segment column the data no longer has as no data', () => {
		const unsplit = {
			metrics: new Set(['orders', 'sessions', 'refunds']),
			dimensions: new Set<string>()
		};
		expect(metricsWithoutData(catalog, unsplit)).toEqual(['north_orders']);
	});

	it('returns the very catalog when every metric has data', () => {
		const all = { metrics: new Set(['orders', 'sessions', 'sessions_plan', 'refunds']) };
		expect(catalogWithData(catalog, all).catalog).toBe(catalog);
	});
});
