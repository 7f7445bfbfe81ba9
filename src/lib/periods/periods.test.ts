/**
 * The period rules on data a person can check by hand: mostly a metric worth 1 every day, so a
 * week sums to 7 and a month to its number of days.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { deckFromCatalog } from '../metrics/deck';
import type { Aggregation, Catalog, MetricDefinition, ReviewSettings } from '../metrics/types';
import { buildReview } from '../review/buildReview';
import { createObservationsTable, OBSERVATIONS } from '../store/observations';
import { reviewPeriods } from './periodTable';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
	await createObservationsTable(engine);
});
afterAll(async () => engine.close());
beforeEach(async () => {
	await engine.query(`DELETE FROM ${OBSERVATIONS}`);
});

/** One observation per day from `from` to `to`; `value` is SQL over the day `d`. */
async function insertDaily(metric: string, from: string, to: string, value = '1'): Promise<void> {
	await engine.query(
		`INSERT INTO ${OBSERVATIONS} (date, metric, value, source_file)
		 SELECT CAST(d AS DATE), ?, ${value}, 'test' FROM generate_series(CAST(? AS DATE), CAST(? AS DATE), INTERVAL 1 DAY) t(d)`,
		[metric, from, to]
	);
}

function metric(id: string, aggregation: Aggregation = 'sum', source = id): MetricDefinition {
	return {
		id,
		label: id,
		source: { metric: source },
		aggregation,
		kind: 'output',
		direction: 'higher_is_better',
		unit: 'count',
		views: ['operational']
	};
}

function catalog(metrics: MetricDefinition[], review: Partial<ReviewSettings> = {}): Catalog {
	return {
		review: { weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12, ...review },
		metrics
	};
}

async function periods(weekEnding: string, settings: Partial<ReviewSettings> = {}) {
	const full: ReviewSettings = {
		weekEndingWeekday: 'saturday',
		fiscalYearEndMonth: 12,
		...settings
	};
	return new Map(
		reviewPeriods(full, weekEnding).map((p) => [p.id, `${p.startDate}..${p.endDate}`])
	);
}

async function review(c: Catalog, weekEnding?: string) {
	const r = await buildReview(engine, { catalog: c, deck: deckFromCatalog(c) }, { weekEnding });
	const first = r.blocks[0]?.metrics[0];
	if (!first) throw new Error('no metric');
	return { review: r, metric: first, all: r.blocks.map((b) => b.metrics[0]) };
}

describe('period boundaries', () => {
	it('places weeks, months and to-date spans around a Saturday week ending (December year end)', async () => {
		const p = await periods('2021-09-25');
		expect(p.get('W0')).toBe('2021-09-19..2021-09-25');
		expect(p.get('W5')).toBe('2021-08-15..2021-08-21');
		// 364 days earlier: a Saturday again.
		expect(p.get('PW0')).toBe('2020-09-20..2020-09-26');
		expect(p.get('T0')).toBe('2020-09-01..2020-09-30');
		expect(p.get('T11')).toBe('2021-08-01..2021-08-31');
		expect(p.get('PT11')).toBe('2020-08-01..2020-08-31');
		expect(p.get('F0')).toBe('2021-01-01..2021-01-31');
		expect(p.get('MTD')).toBe('2021-09-01..2021-09-25');
		expect(p.get('PMTD')).toBe('2020-09-01..2020-09-25');
		expect(p.get('QTD')).toBe('2021-07-01..2021-09-25');
		expect(p.get('YTD')).toBe('2021-01-01..2021-09-25');
		expect(p.get('PYTD')).toBe('2020-01-01..2020-09-25');
	});

	it('counts the week ending’s own month as complete when the week ends on its last day', async () => {
		const p = await periods('2022-04-30');
		expect(p.get('T11')).toBe('2022-04-01..2022-04-30');
		expect(p.get('MTD')).toBe('2022-04-01..2022-04-30');
	});

	it('follows a fiscal year ending in February', async () => {
		const p = await periods('2022-02-26', { fiscalYearEndMonth: 2 });
		expect(p.get('YTD')).toBe('2021-03-01..2022-02-26');
		expect(p.get('QTD')).toBe('2021-12-01..2022-02-26');
		expect(p.get('F0')).toBe('2021-03-01..2021-03-31');
		expect(p.get('F11')).toBe('2022-02-01..2022-02-28');
		expect(p.get('PQTD')).toBe('2020-12-01..2021-02-26');
	});

	it('follows a fiscal year ending in May', async () => {
		const p = await periods('2021-09-25', { fiscalYearEndMonth: 5 });
		expect(p.get('YTD')).toBe('2021-06-01..2021-09-25');
		expect(p.get('QTD')).toBe('2021-09-01..2021-09-25');
		const q = await periods('2022-05-07', { fiscalYearEndMonth: 5 });
		expect(q.get('YTD')).toBe('2021-06-01..2022-05-07');
		expect(q.get('QTD')).toBe('2022-03-01..2022-05-07');
	});

	it('maps a leap day to 28 February a year earlier', async () => {
		const p = await periods('2024-02-29', { weekEndingWeekday: 'thursday' });
		expect(p.get('PMTD')).toBe('2023-02-01..2023-02-28');
		expect(p.get('PW0')).toBe('2023-02-24..2023-03-02');
		expect(p.get('T11')).toBe('2024-02-01..2024-02-29');
		expect(p.get('PT11')).toBe('2023-02-01..2023-02-28');
	});
});

describe('review numbers on hand-checkable data', () => {
	it('sums a week that spans a year end, with MTD/QTD/YTD starting on 1 January', async () => {
		await insertDaily('ones', '2023-01-01', '2025-01-10');
		const { metric: m, review: r } = await review(catalog([metric('ones')]), '2025-01-04');
		expect(r.periods.sixWeeks[5]).toEqual({ start: '2024-12-29', end: '2025-01-04' });
		expect(m.sixWeeks.cy).toEqual([7, 7, 7, 7, 7, 7]);
		expect(m.box).toMatchObject({ lastWeek: 7, wow: 0, yoy: 0, mtd: 4, qtd: 4, ytd: 4 });
		// 1-4 Jan 2025 against 1-4 Jan 2024.
		expect(m.box.ytdYoy).toBe(0);
		expect(m.twelveMonths.cy.at(-1)).toBe(31);
	});

	it('numbers the weeks of a 53-week year', async () => {
		await insertDaily('ones', '2021-01-01', '2023-01-31');
		const { review: r } = await review(catalog([metric('ones')]), '2023-01-07');
		// 1 January 2022 is a Saturday, so 2022 has 53 Saturday week endings.
		expect(r.blocks[0]?.xAxis.slice(0, 6)).toEqual([
			'wk 49',
			'wk 50',
			'wk 51',
			'wk 52',
			'wk 53',
			'wk 1'
		]);
		const { review: r2 } = await review(catalog([metric('ones')]), '2022-12-31');
		expect(r2.blocks[0]?.xAxis[5]).toBe('wk 53');
	});

	it('compares a leap-year February with the 28 days a year earlier', async () => {
		await insertDaily('ones', '2022-01-01', '2024-03-31');
		const c = catalog([metric('ones')], { weekEndingWeekday: 'thursday' });
		const { metric: m } = await review(c, '2024-02-29');
		expect(m.box.mtd).toBe(29);
		expect(m.box.mtdYoy).toBeCloseTo((29 / 28 - 1) * 100, 10);
		expect(m.twelveMonths.cy.at(-1)).toBe(29);
		expect(m.twelveMonths.py.at(-1)).toBe(28);
	});

	it('treats a metric that starts mid-month: partial sums are no data, partial baselines n/a', async () => {
		await insertDaily('ones', '2021-03-15', '2022-04-30');
		const c = catalog([metric('ones'), metric('level', 'mean', 'ones')]);
		const { all } = await review(c, '2022-03-26');
		const [sum, mean] = all;
		// Trailing months run Mar 2021 .. Feb 2022; March 2021 has 17 of 31 days.
		expect(sum?.twelveMonths.cy[0]).toBeNull();
		expect(sum?.twelveMonths.cy[1]).toBe(30);
		expect(mean?.twelveMonths.cy[0]).toBe(1);
		// MTD 1-26 Mar 2022 against 1-26 Mar 2021, which has data from the 15th only.
		expect(sum?.box.mtd).toBe(26);
		expect(sum?.box.mtdYoy).toBeNull();
		expect(sum?.notes.mtdYoy).toBe('partial_baseline');
		expect(mean?.box.mtdYoy).toBeNull();
		expect(mean?.notes.mtdYoy).toBe('partial_baseline');
		// The prior-year week (ending 27 Mar 2021) is complete.
		expect(sum?.box.yoy).toBe(0);
		// February 2021 has no data at all.
		expect(sum?.twelveMonths.py.at(-1)).toBeNull();
	});

	it('marks a missing baseline instead of comparing with 0', async () => {
		// The prior-year week (26 Dec 2021 - 1 Jan 2022) has no day with data.
		await insertDaily('ones', '2022-01-02', '2022-12-31');
		const { metric: m } = await review(catalog([metric('ones')]), '2022-12-31');
		expect(m.box.yoy).toBeNull();
		expect(m.notes.yoy).toBe('no_baseline');
		expect(m.box.wow).toBe(0);
	});

	it('computes a derived ratio on the period totals, and bps as a difference x10,000', async () => {
		await insertDaily(
			'clicks',
			'2022-01-01',
			'2023-12-31',
			'CASE WHEN dayofweek(d) = 0 THEN 8 ELSE 1 END'
		);
		await insertDaily(
			'views',
			'2022-01-01',
			'2023-12-31',
			'CASE WHEN dayofweek(d) = 0 THEN 2 ELSE 1 END'
		);
		const ratio: MetricDefinition = {
			...metric('ctr'),
			source: undefined,
			aggregation: undefined,
			derived: { operation: 'divide', operands: ['clicks', 'views'] },
			comparison: 'bps'
		};
		const { metric: m } = await review(
			catalog([ratio, metric('clicks'), metric('views')]),
			'2023-12-30'
		);
		// A week: (8 + 6) / (2 + 6) = 1.75, not the mean of daily ratios (4 + 6) / 7.
		expect(m.sixWeeks.cy[5]).toBe(1.75);
		expect(m.box.wow).toBe(0);
	});

	it('defaults the week ending to the last complete week in the data', async () => {
		await insertDaily('ones', '2022-01-01', '2022-06-15');
		const { review: r } = await review(catalog([metric('ones')]));
		expect(r.weekEnding).toBe('2022-06-11');
	});
});
