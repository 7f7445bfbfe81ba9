import { describe, expect, it } from 'vitest';
import { testMetric } from '../metrics/testing';
import type { Catalog } from '../metrics/types';
import { fiscalYearEnd, planAttainment } from './plan-attainment';
import { addressQuery, readAddress } from './review-url';
import { filterCatalog, unsplitMetrics } from './segment-catalog';

describe('review address', () => {
	it('round-trips view, week and filters, filters in name order', () => {
		const query = addressQuery({
			weekEnding: '2026-11-14',
			filters: { region: 'North', channel: 'web' }
		});
		expect(query).toBe('?week=2026-11-14&channel=web&region=North');
		expect(readAddress('strategic', new URLSearchParams(query))).toEqual({
			view: 'strategic',
			weekEnding: '2026-11-14',
			filters: { channel: 'web', region: 'North' }
		});
	});

	it('leaves out the default week and empty filters', () => {
		expect(addressQuery({ weekEnding: null, filters: { region: '' } })).toBe('');
		expect(readAddress('operational', new URLSearchParams(''))).toEqual({
			view: 'operational',
			weekEnding: null,
			filters: {}
		});
	});
});

const metric = testMetric;

describe('segment filters through the catalog', () => {
	const catalog: Catalog = {
		review: { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 },
		metrics: [
			metric('orders', { plan: { source: { metric: 'orders_plan' }, aggregation: 'sum' } }),
			metric('revenue', { plan: { source: { metric: 'revenue_plan' } } }),
			metric('in_stock_rate', { aggregation: 'mean', plan: { constant: 0.95 } }),
			metric('sessions', { plan: { constant: 1000 } })
		]
	};
	// As in the demo: orders and sessions are split by region, the plans and the in-stock rate are not.
	const splits = new Map([['region', new Set(['orders', 'revenue', 'revenue_plan', 'sessions'])]]);
	const filtered = filterCatalog(catalog, { region: 'North' }, splits);
	const byId = new Map(filtered.metrics.map((m) => [m.id, m]));

	it('filters the sources the data splits, and leaves the others whole', () => {
		expect(byId.get('orders')?.source).toEqual({ metric: 'orders', filter: { region: 'North' } });
		expect(byId.get('in_stock_rate')?.source).toEqual({ metric: 'in_stock_rate' });
		expect(unsplitMetrics(catalog, { region: 'North' }, splits)).toEqual(['in_stock_rate']);
	});

	it('keeps a plan only when it is split the same way', () => {
		expect(byId.get('orders')?.plan).toBeUndefined();
		expect(byId.get('revenue')?.plan).toEqual({
			source: { metric: 'revenue_plan', filter: { region: 'North' } }
		});
		// A company-wide daily constant of an additive metric says nothing about one region.
		expect(byId.get('sessions')?.plan).toBeUndefined();
		expect(byId.get('in_stock_rate')?.plan).toEqual({ constant: 0.95 });
	});

	it('is the catalog itself without filters', () => {
		expect(filterCatalog(catalog, {}, splits)).toBe(catalog);
	});
});

describe('plan attainment', () => {
	const ytd = { start: '2026-01-01', end: '2026-03-31' };

	it('is YTD actual / YTD plan - 1, and the YTD pace extended to the fiscal year', () => {
		const result = planAttainment({
			ytdActual: 90_000,
			ytdPlan: 100_000,
			ytd,
			direction: 'higher_is_better',
			additive: true
		});
		expect(result?.attainment).toBeCloseTo(-0.1, 12);
		expect(result?.ahead).toBe(false);
		// 90 days elapsed (Jan 31 + Feb 28 + Mar 31) of 365: 90,000 x 365 / 90 = 365,000.
		expect(result?.projectedYear).toBeCloseTo(365_000, 6);
		expect(result?.fiscalYearEnd).toBe('2026-12-31');
	});

	it('reads below plan as ahead when lower is better, and projects no total for a rate', () => {
		const result = planAttainment({
			ytdActual: 0.9,
			ytdPlan: 1,
			ytd,
			direction: 'lower_is_better',
			additive: false
		});
		expect(result?.ahead).toBe(true);
		expect(result?.projectedYear).toBeNull();
	});

	it('is nothing without a plan', () => {
		const none = { ytdActual: 1, ytd, direction: 'neutral', additive: true } as const;
		expect(planAttainment({ ...none, ytdPlan: null })).toBeNull();
		expect(planAttainment({ ...none, ytdPlan: undefined })).toBeNull();
	});

	it('knows where a fiscal year starting in April ends', () => {
		expect(fiscalYearEnd('2026-04-01')).toBe('2027-03-31');
	});
});
