import { describe, expect, it } from 'vitest';
import { catalogFromMetrics } from '../metrics/catalogFile';
import { testMetric } from '../metrics/testing';
import type { Catalog } from '../metrics/types';
import {
	changeMetric,
	deleteMetric,
	mergeImported,
	usersOf,
	withNewMetrics
} from './catalog-merge';

const review = { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 } as const;
const stored: Catalog = {
	review,
	metrics: [testMetric('orders'), testMetric('sessions', { drives: ['orders'] })]
};

describe('two tabs editing the catalog', () => {
	it('keeps both owners when each tab changed another entry from the same copy', () => {
		// Both tabs read `stored`; tab 2 saves Sessions' owner first, then tab 1 saves Orders'.
		const afterTab2 = changeMetric(stored, 'sessions', { owner: 'Sam' });
		// Tab 1's save is applied to what is stored right then, not to its own stale copy.
		const afterTab1 = changeMetric(afterTab2, 'orders', { owner: 'Avery' });
		expect(afterTab1.metrics.map((m) => [m.id, m.owner])).toEqual([
			['orders', 'Avery'],
			['sessions', 'Sam']
		]);
	});

	it('keeps another field of the same entry that the other tab changed', () => {
		const afterTab2 = changeMetric(stored, 'orders', { direction: 'lower_is_better' });
		const afterTab1 = changeMetric(afterTab2, 'orders', { owner: 'Avery' });
		expect(afterTab1.metrics[0]).toMatchObject({ owner: 'Avery', direction: 'lower_is_better' });
	});

	it('confirms the fields changed: they are no longer marked as guesses', () => {
		const guessed = catalogFromMetrics(['orders']);
		expect(guessed.guessed?.['orders']).toContain('kind');
		const changed = changeMetric(guessed, 'orders', { kind: 'input' });
		expect(changed.guessed?.['orders']).toEqual(['direction', 'unit', 'aggregation']);
	});
});

describe('deleting a catalog entry', () => {
	it('removes the metric and the links to it', () => {
		const after = deleteMetric(stored, 'orders');
		expect(after.metrics.map((m) => m.id)).toEqual(['sessions']);
		expect(after.metrics[0]?.drives).toEqual([]);
	});

	it('names the metrics that use it as an operand or a plan', () => {
		const catalog: Catalog = {
			review,
			metrics: [
				testMetric('orders'),
				testMetric('target', { plan: { metric: 'orders' } }),
				testMetric('per_day', {
					label: 'Orders per day',
					source: undefined,
					derived: { operation: 'divide', operands: ['orders', 'target'] }
				})
			]
		};
		expect(usersOf(catalog, 'orders')).toEqual(['target', 'Orders per day']);
		expect(usersOf(catalog, 'per_day')).toEqual([]);
	});

	it('does not guess a deleted metric again while the data still has it', () => {
		const after = withNewMetrics(
			deleteMetric(stored, 'orders'),
			['orders', 'sessions', 'refunds'],
			['orders']
		);
		expect(after.metrics.map((m) => m.id)).toEqual(['sessions', 'refunds']);
	});
});

describe('a partial catalog file', () => {
	// The data's guesses: page load in ms (guessed a duration in minutes) and orders with its plan.
	const guessed = catalogFromMetrics(['page_load_p90_ms', 'orders', 'orders_plan', 'sessions']);
	const current = changeMetric(guessed, 'page_load_p90_ms', { unit: 'duration', unitDetail: 'ms' });

	it('changes only the metrics it names and leaves the others as they were', () => {
		const file: Catalog = {
			review: { weekEndingWeekday: 'sunday', fiscalYearEndMonth: 3 },
			metrics: [testMetric('sessions', { owner: 'Sam', kind: 'input' })]
		};
		const merged = mergeImported(current, file, false);
		expect(merged.metrics.map((m) => m.id)).toEqual(['page_load_p90_ms', 'orders', 'sessions']);
		expect(merged.metrics[0]).toMatchObject({ unit: 'duration', unitDetail: 'ms' });
		expect(merged.metrics[2]).toMatchObject({ owner: 'Sam', kind: 'input' });
		expect(merged.review).toEqual(review);
		expect(merged.guessed?.['sessions']).toBeUndefined();
		expect(merged.guessed?.['orders']).toEqual(['kind', 'direction', 'unit', 'aggregation']);
	});

	it('replaces a guess made from a column the file describes, and takes its review settings', () => {
		const file: Catalog = {
			review: { weekEndingWeekday: 'sunday', fiscalYearEndMonth: 3 },
			metrics: [
				testMetric('Orders', {
					source: { metric: 'orders' },
					plan: { source: { metric: 'orders_plan' } }
				})
			]
		};
		const merged = mergeImported(current, file, true);
		expect(merged.metrics.map((m) => m.id)).toEqual(['page_load_p90_ms', 'sessions', 'Orders']);
		expect(merged.review).toEqual(file.review);
	});
});
