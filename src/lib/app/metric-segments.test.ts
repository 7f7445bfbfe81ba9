/**
 * The deep dive's segment table and daily detail on a store small enough to check by hand: two
 * channels, three weeks (the week under review ending Saturday 2026-11-21, the week before, and the
 * week 364 days earlier ending 2025-11-22), a constant value per day in each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { testMetric } from '../metrics/testing';
import type { Catalog } from '../metrics/types';
import { dailyDetail } from '../review/dailyDetail';
import { createObservationsTable, ensureSegmentColumns } from '../store/observations';
import { bySegmentChange, change, driverOf, metricSegments } from './metric-segments';
import { segmentChoices } from './review-data';

let engine: Engine;

/** Per day: [metric, channel, value in the week under review, the week before, last year]. */
const DAILY: [string, string, number, number, number][] = [
	['orders', 'web', 10, 8, 5],
	['orders', 'app', 20, 20, 20],
	['sessions', 'web', 100, 100, 100],
	['sessions', 'app', 200, 200, 200],
	['load_ms', 'web', 1000, 900, 600],
	['load_ms', 'app', 500, 500, 500]
];
const WEEK_STARTS = ['2026-11-15', '2026-11-08', '2025-11-16'];

beforeAll(async () => {
	engine = await startNodeEngine();
	await createObservationsTable(engine);
	await ensureSegmentColumns(engine, ['channel']);
	for (const [metric, channel, ...values] of DAILY) {
		for (const [week, start] of WEEK_STARTS.entries()) {
			await engine.query(
				`INSERT INTO observations (date, metric, value, channel, source_file, source_line)
				 SELECT CAST(? AS DATE) + CAST(i AS INTEGER), ?, ?, ?, 'test.csv', 1 FROM range(7) t(i)`,
				[start, metric, values[week] ?? null, channel]
			);
		}
	}
});
afterAll(async () => engine.close());

const metric = testMetric;

const catalog: Catalog = {
	review: { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 },
	metrics: [
		metric('orders', { plan: { constant: 25 } }),
		metric('sessions'),
		metric('page_load', {
			source: { metric: 'load_ms' },
			aggregation: 'mean',
			kind: 'input',
			direction: 'lower_is_better',
			unit: 'duration'
		}),
		{
			...metric('conversion_rate', { unit: 'percent' }),
			source: undefined,
			aggregation: undefined,
			derived: { operation: 'divide', operands: ['orders', 'sessions'] }
		}
	]
};

async function segmentsOf(id: string, filters: Record<string, string> = {}) {
	return metricSegments(engine, catalog, id, {
		weekEnding: '2026-11-21',
		filters,
		...(await segmentChoices(engine))
	});
}

describe('which segment drove the change', () => {
	it('splits a sum: web 70 orders against 56 the week before and 35 last year, app 140 throughout', async () => {
		const result = await segmentsOf('orders');
		expect(result.additive).toBe(true);
		expect(result.total).toEqual({ current: 210, previous: 196, priorYear: 175 });
		expect(result.breakdowns).toHaveLength(1);
		const [channel] = result.breakdowns;
		expect(channel?.dimension).toBe('channel');
		expect(channel?.segments).toEqual([
			{ value: 'web', current: 70, previous: 56, priorYear: 35 },
			{ value: 'app', current: 140, previous: 140, priorYear: 140 }
		]);
		// The parts add up: web's +35 is the whole +35 against last year.
		const changes = channel?.segments.map((s) => change(s, 'priorYear'));
		expect(changes).toEqual([35, 0]);
		expect(change(result.total, 'priorYear')).toBe(35);
	});

	it("gives a ratio each segment's own ratio of totals, and says it does not add up", async () => {
		const result = await segmentsOf('conversion_rate');
		expect(result.additive).toBe(false);
		// (70 + 140) / (700 + 1400) = 0.1; last year (35 + 140) / 2100 = 0.0833...
		expect(result.total.current).toBeCloseTo(0.1, 12);
		expect(result.total.priorYear).toBeCloseTo(175 / 2100, 12);
		const web = result.breakdowns[0]?.segments[0];
		expect(web?.value).toBe('web');
		expect(web?.current).toBeCloseTo(0.1, 12);
		expect(web?.priorYear).toBeCloseTo(0.05, 12);
		expect(result.breakdowns[0]?.segments[1]?.current).toBeCloseTo(0.1, 12);
	});

	it("gives a mean each segment's mean: web's page load 1000 ms against 600 last year drives it", async () => {
		const result = await segmentsOf('page_load');
		expect(result.additive).toBe(false);
		expect(result.total).toEqual({ current: 750, previous: 700, priorYear: 550 });
		expect(result.breakdowns[0]?.segments).toEqual([
			{ value: 'web', current: 1000, previous: 900, priorYear: 600 },
			{ value: 'app', current: 500, previous: 500, priorYear: 500 }
		]);
	});

	it('leaves out the column the review is already filtered to, and applies the filter to the total', async () => {
		const result = await segmentsOf('orders', { channel: 'web' });
		expect(result.total).toEqual({ current: 70, previous: 56, priorYear: 35 });
		expect(result.breakdowns).toEqual([]);
	});

	it('sorts by the size of the change against the baseline chosen, whichever its sign, no data last', () => {
		const segments = [
			{ value: 'a', current: 10, previous: 9, priorYear: 10 },
			{ value: 'b', current: 5, previous: 12, priorYear: 5 },
			{ value: 'c', current: null, previous: 1, priorYear: 1 },
			{ value: 'd', current: 30, previous: 29, priorYear: 10 }
		];
		expect(bySegmentChange(segments, 'previous').map((s) => s.value)).toEqual(['b', 'a', 'd', 'c']);
		expect(bySegmentChange(segments, 'priorYear').map((s) => s.value)).toEqual([
			'd',
			'a',
			'b',
			'c'
		]);
	});
});

describe('daily detail', () => {
	it('gives each day of the weeks asked for beside the same weekday 364 days earlier', async () => {
		const detail = await dailyDetail(engine, catalog, 'orders', {
			weekEnding: '2026-11-21',
			weeks: 2
		});
		expect(detail.dates).toHaveLength(14);
		expect(detail.dates[0]).toBe('2026-11-08');
		expect(detail.dates.at(-1)).toBe('2026-11-21');
		expect(detail.priorYearDates.at(-1)).toBe('2025-11-22');
		expect(detail.priorYearDates[0]).toBe('2025-11-09');
		// 10 web + 20 app a day this week, 8 + 20 the week before.
		expect(detail.values).toEqual([...Array(7).fill(28), ...Array(7).fill(30)]);
		// Last year only the week ending 2025-11-22 has data (5 + 20 a day); the week before is none, not 0.
		expect(detail.priorYear).toEqual([...Array(7).fill(null), ...Array(7).fill(25)]);
	});

	it('gives a ratio as the ratio of the day’s totals', async () => {
		const detail = await dailyDetail(engine, catalog, 'conversion_rate', {
			weekEnding: '2026-11-21',
			weeks: 1
		});
		for (const value of detail.values) expect(value).toBeCloseTo(0.1, 12);
	});
});

describe('the segment that drove the change', () => {
	const segment = (value: string, current: number, priorYear: number) => ({
		value,
		current,
		previous: current,
		priorYear
	});

	it('is named when its change is at least twice the next one (web +1.1 s, app -9 ms)', () => {
		const channels = [segment('app', 1390, 1399), segment('web', 2900, 1790)];
		expect(driverOf(channels, 'priorYear')?.value).toBe('web');
		expect(driverOf(channels, 'previous')).toBeNull();
	});

	it('is not named when the segments moved alike (every region about +550 ms)', () => {
		const regions = [segment('West', 2180, 1600), segment('South', 2130, 1590)];
		expect(driverOf(regions, 'priorYear')).toBeNull();
	});
});
