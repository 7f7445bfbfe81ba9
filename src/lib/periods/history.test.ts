/**
 * A metric's history (history.ts, run by ../review/metricHistory.ts) follows the review's period
 * rules, on data a person can check by hand: `ones` is worth 1 a day (a week sums to 7, a month
 * to its days), except 14 February 2024, which has no row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import type { Catalog, MetricDefinition, View } from '../metrics/types';
import { metricHistory } from '../review/metricHistory';
import { createObservationsTable, ensureSegmentColumns, OBSERVATIONS } from '../store/observations';

let engine: Engine;

async function insertDaily(metric: string, value: string, where = 'true', region = 'North') {
	await engine.query(
		`INSERT INTO ${OBSERVATIONS} (date, metric, value, source_file, region)
		 SELECT CAST(d AS DATE), ?, ${value}, 'test', ? FROM generate_series(DATE '2023-12-31', DATE '2024-03-30', INTERVAL 1 DAY) t(d) WHERE ${where}`,
		[metric, region]
	);
}

beforeAll(async () => {
	engine = await startNodeEngine();
	await createObservationsTable(engine);
	await ensureSegmentColumns(engine, ['region']);
	await insertDaily('ones', '1', `CAST(d AS DATE) <> DATE '2024-02-14'`);
	// Sundays 4, other days 1: a week totals 10.
	await insertDaily('visits', 'CASE WHEN dayofweek(d) = 0 THEN 4 ELSE 1 END');
	await insertDaily('buyers', '1');
	await insertDaily('buyers', '100', 'true', 'South');
});
afterAll(async () => engine.close());

const base = {
	kind: 'output',
	direction: 'higher_is_better',
	unit: 'count',
	views: [] as View[]
} as const;
const CATALOG: Catalog = {
	review: { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 },
	metrics: [
		{ ...base, id: 'ones', label: 'Ones', source: { metric: 'ones' }, aggregation: 'sum' },
		{ ...base, id: 'ones_mean', label: 'Ones', source: { metric: 'ones' }, aggregation: 'mean' },
		{ ...base, id: 'visits', label: 'Visits', source: { metric: 'visits' }, aggregation: 'sum' },
		{
			...base,
			id: 'north_buyers',
			label: 'Buyers (North)',
			source: { metric: 'buyers', filter: { region: 'North' } },
			aggregation: 'sum',
			plan: { constant: 2 }
		},
		{
			...base,
			id: 'buyers_per_visit',
			label: 'Buyers per visit',
			derived: { operation: 'divide', operands: ['north_buyers', 'visits'] }
		}
	] satisfies MetricDefinition[]
};
const IDS = CATALOG.metrics.map((m) => m.id);

describe('weekly history', () => {
	it('has the weeks ending on the weekday up to the week ending, oldest first', async () => {
		const h = await metricHistory(engine, CATALOG, IDS, {
			grain: 'week',
			weekEnding: '2024-03-30',
			periods: 3
		});
		expect(h.periodEnds).toEqual(['2024-03-16', '2024-03-23', '2024-03-30']);
		expect(h.values.get('ones')).toEqual([7, 7, 7]);
		// Only the North rows: 1 a day, not 101.
		expect(h.values.get('north_buyers')).toEqual([7, 7, 7]);
		// A constant plan is per day, so a week's plan is 7 x 2.
		expect(h.plans.get('north_buyers')).toEqual([14, 14, 14]);
		expect(h.plans.has('ones')).toBe(false);
	});

	it('a derived metric is the ratio of the week’s totals, not the mean of daily ratios', async () => {
		const h = await metricHistory(engine, CATALOG, IDS, {
			grain: 'week',
			weekEnding: '2024-03-30',
			periods: 1
		});
		// 7 buyers / 10 visits; the mean of the daily ratios would be (6 x 1 + 1/4) / 7 = 0.893.
		expect(h.values.get('buyers_per_visit')).toEqual([0.7]);
	});

	it('a sum over a week with a missing day is no data; a mean reports the days it has', async () => {
		const h = await metricHistory(engine, CATALOG, IDS, {
			grain: 'week',
			weekEnding: '2024-02-24',
			periods: 3
		});
		expect(h.periodEnds).toEqual(['2024-02-10', '2024-02-17', '2024-02-24']);
		expect(h.values.get('ones')).toEqual([7, null, 7]);
		expect(h.values.get('ones_mean')).toEqual([1, 1, 1]);
	});

	it('a week before the data starts is no data, not 0', async () => {
		const h = await metricHistory(engine, CATALOG, IDS, {
			grain: 'week',
			weekEnding: '2024-01-06',
			periods: 2
		});
		expect(h.periodEnds).toEqual(['2023-12-30', '2024-01-06']);
		expect(h.values.get('ones')).toEqual([null, 7]);
		expect(h.values.get('ones_mean')).toEqual([null, 1]);
	});
});

describe('monthly history', () => {
	it('ends with the last month complete at the week ending (March is not over on the 30th)', async () => {
		const h = await metricHistory(engine, CATALOG, IDS, {
			grain: 'month',
			weekEnding: '2024-03-30',
			periods: 3
		});
		expect(h.periodEnds).toEqual(['2023-12-31', '2024-01-31', '2024-02-29']);
		// December has one day of data (the 31st), February misses the 14th: both are no data for a sum.
		expect(h.values.get('ones')).toEqual([null, 31, null]);
		expect(h.values.get('ones_mean')).toEqual([1, 1, 1]);
		expect(h.plans.get('north_buyers')).toEqual([62, 62, 58]);
	});
});
