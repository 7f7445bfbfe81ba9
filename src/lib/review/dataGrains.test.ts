/**
 * Weekly and monthly exports in the review: a weekly metric's week is complete with its one value
 * and its month adds up the weeks dated in it; a monthly metric has no weekly values (not zeros)
 * and its month is its one value. Loaded through the ingest, as a customer's files are.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest/ingest';
import { parseCatalog } from '../metrics/catalog';
import { catalogFromMetrics } from '../metrics/catalogFile';
import { deckFromCatalog } from '../metrics/deck';
import { buildReview } from './buildReview';
import type { ReviewMetric } from './types';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Saturdays 2024-01-06 .. 2026-11-21: 100 sign-ups a week, 150 in the last. */
function weeklyCsv(): string {
	const lines = ['week,signups'];
	const last = Date.parse('2026-11-21');
	for (let t = Date.parse('2024-01-06'); t <= last; t += 7 * DAY)
		lines.push(`${iso(t)},${t === last ? 150 : 100}`);
	return lines.join('\n') + '\n';
}

/** The 1st of each month 2024-01 .. 2026-11: recurring revenue 1000 + 10 per month since. */
function monthlyCsv(): string {
	const lines = ['month,mrr'];
	for (let m = 0; m <= 34; m++) {
		const date = new Date(Date.UTC(2024, m, 1));
		lines.push(`${iso(date.getTime())},${1000 + 10 * m}`);
	}
	return lines.join('\n') + '\n';
}

/** The 1st of each month 2024-01 .. 2026-11 but October 2026: 500 visits a month. */
function gapCsv(): string {
	const lines = ['month,visits'];
	for (let m = 0; m <= 34; m++) if (m !== 33) lines.push(`${iso(Date.UTC(2024, m, 1))},500`);
	return lines.join('\n') + '\n';
}

/** Monday to Friday, 2024-01-01 .. 2026-11-20: 10 orders a business day. */
function businessDaysCsv(): string {
	const lines = ['day,b2b_orders'];
	for (let t = Date.parse('2024-01-01'); t <= Date.parse('2026-11-20'); t += DAY)
		if (![0, 6].includes(new Date(t).getUTCDay())) lines.push(`${iso(t)},10`);
	return lines.join('\n') + '\n';
}

const CATALOG = `
review:
  week_ending_weekday: saturday
  fiscal_year_end_month: 12
metrics:
  signups:
    source: { metric: signups }
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: count
    views: [operational, strategic]
  visits:
    source: { metric: visits }
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: count
    views: [operational, strategic]
  b2b_orders:
    source: { metric: b2b_orders }
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: count
    views: [operational, strategic]
  mrr:
    source: { metric: mrr }
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: currency
    views: [operational, strategic]
`;

let engine: Engine;
let metrics: Map<string, ReviewMetric>;
beforeAll(async () => {
	engine = await startNodeEngine();
	const utf8 = (text: string) => new TextEncoder().encode(text);
	const { files } = await ingestFiles(engine, [
		{ name: 'weekly.csv', data: utf8(weeklyCsv()) },
		{ name: 'monthly.csv', data: utf8(monthlyCsv()) },
		{ name: 'gap.csv', data: utf8(gapCsv()) },
		{ name: 'business-days.csv', data: utf8(businessDaysCsv()) }
	]);
	expect(files.map((f) => f.rowsLoaded)).toEqual([151, 35, 34, 755]);
	const catalog = parseCatalog(CATALOG);
	const review = await buildReview(
		engine,
		{ catalog, deck: deckFromCatalog(catalog) },
		{ weekEnding: '2026-11-21' }
	);
	metrics = new Map(review.blocks.flatMap((b) => b.metrics).map((m) => [m.id, m]));
});
afterAll(async () => engine.close());

describe('a weekly export', () => {
	it('fills each week with its one value, and compares weeks and years', () => {
		const signups = metrics.get('signups')!;
		expect(signups.sixWeeks.cy).toEqual([100, 100, 100, 100, 100, 150]);
		expect(signups.sixWeeks.py).toEqual([100, 100, 100, 100, 100, 100]);
		expect(signups.box.lastWeek).toBe(150);
		expect(signups.box.wow).toBeCloseTo(50, 10);
		expect(signups.box.yoy).toBeCloseTo(50, 10);
		expect(signups.dataGrain).toBe('week');
	});

	it('adds up the weeks dated in a month or a span to date', () => {
		const signups = metrics.get('signups')!;
		// October 2026 has five Saturdays (3, 10, 17, 24, 31); September four.
		expect(signups.twelveMonths.cy.slice(-2)).toEqual([400, 500]);
		// 1-21 November: the 7th, 14th and 21st; a year before, the 1st, 8th and 15th.
		expect(signups.box.mtd).toBe(350);
		expect(signups.box.mtdYoy).toBeCloseTo((350 / 300 - 1) * 100, 10);
	});
});

describe('a monthly export', () => {
	it('has no weekly values, not zeros', () => {
		const mrr = metrics.get('mrr')!;
		expect(mrr.sixWeeks.cy).toEqual([null, null, null, null, null, null]);
		expect(mrr.box.lastWeek).toBeNull();
		expect(mrr.box.wow).toBeNull();
		expect(mrr.dataGrain).toBe('month');
	});

	it('gives each month its value and compares it with the same month a year before', () => {
		const mrr = metrics.get('mrr')!;
		// October 2026 is month 33 since January 2024, October 2025 month 21.
		expect(mrr.twelveMonths.cy.slice(-2)).toEqual([1320, 1330]);
		expect(mrr.twelveMonths.py.slice(-2)).toEqual([1200, 1210]);
		// The fiscal year to date (January-November 2026): months 24..34.
		const ytd = Array.from({ length: 11 }, (_, i) => 1000 + 10 * (24 + i)).reduce((a, b) => a + b);
		expect(mrr.box.ytd).toBe(ytd);
		// 1-21 November is no whole month: a monthly metric has no month to date.
		expect(mrr.box.mtd).toBeNull();
	});
});

describe('an export of business days', () => {
	it('counts a week of five business days complete, weekends not missing', () => {
		const orders = metrics.get('b2b_orders')!;
		expect(orders.dataGrain).toBe('day');
		expect(orders.sixWeeks.cy).toEqual([50, 50, 50, 50, 50, 50]);
		// October 2026: 31 days, 9 of them Saturdays or Sundays.
		expect(orders.twelveMonths.cy.at(-1)).toBe(220);
	});
});

describe('a monthly export with a month missing', () => {
	it('is no data where the missing month counts, even beside the month under way', () => {
		const visits = metrics.get('visits')!;
		expect(visits.dataGrain).toBe('month');
		expect(visits.twelveMonths.cy.slice(-2)).toEqual([500, null]);
		// The quarter to date (1 October - 21 November) needs October; November's value is there.
		expect(visits.box.qtd).toBeNull();
		expect(visits.box.ytd).toBeNull();
	});
});

describe('the default week of a review', () => {
	const review = (ids: string[]) => {
		const catalog = parseCatalog(CATALOG);
		const shown = { ...catalog, metrics: catalog.metrics.filter((m) => ids.includes(m.id)) };
		return buildReview(engine, { catalog: shown, deck: deckFromCatalog(shown) });
	};

	it('is the last week weekly (or daily) data completes, whatever monthly data says', async () => {
		expect((await review(['signups', 'mrr'])).weekEnding).toBe('2026-11-21');
	});

	it('is the week a Friday completes for business-day data', async () => {
		expect((await review(['b2b_orders'])).weekEnding).toBe('2026-11-21');
	});

	it('completes the last month of monthly data alone, so the months end on it', async () => {
		// November 2026 ends on Monday the 30th: the week ending Saturday 5 December completes it.
		const monthly = await review(['mrr']);
		expect(monthly.weekEnding).toBe('2026-12-05');
		expect(monthly.periods.trailingMonths.at(-1)).toEqual({
			start: '2026-11-01',
			end: '2026-11-30'
		});
		expect(monthly.blocks[0]?.metrics[0]?.twelveMonths.cy.at(-1)).toBe(1340);
	});
});

describe('the default week of an export whose metrics end on different days', () => {
	it('is the last week most metrics reach, and its numbers are the file’s', async () => {
		// The WBR App's scenario 1: most metrics stop on 25 Sep 2021 (the week its own configuration
		// reviews), three shares run on to 3 Jan 2022 (and a target, a plan, to 1 Jan).
		const path = '../shared/peers/wbr-app/scenario_1/original.csv';
		const own = await startNodeEngine();
		try {
			const data = new Uint8Array(readFileSync(path));
			await ingestFiles(own, [{ name: 'original.csv', data }]);
			const names = (await own.query('SELECT DISTINCT metric FROM observations')).columns[
				'metric'
			]!.map(String);
			const catalog = catalogFromMetrics(names);
			const review = await buildReview(own, { catalog, deck: deckFromCatalog(catalog) });
			expect(review.weekEnding).toBe('2021-09-25');
			// Clicks, 19-25 Sep 2021, added up from the file's own lines ("Sun, 19-Sep-2021","…","4,321").
			const clicks = readFileSync(path, 'utf8')
				.split('\n')
				.map((line) => line.match(/^"\w+, (\d+)-Sep-2021","[\d,]+","([\d,]+)"/))
				.filter((m): m is RegExpMatchArray => m !== null && Number(m[1]) >= 19)
				.reduce((sum, m) => sum + Number(m[2]!.replaceAll(',', '')), 0);
			const shown = review.blocks.flatMap((b) => b.metrics).find((m) => m.id === 'Clicks');
			expect(clicks).toBeGreaterThan(400_000);
			expect(shown?.box.lastWeek).toBe(clicks);
		} finally {
			await own.close();
		}
	});
});
