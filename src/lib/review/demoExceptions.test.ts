/**
 * The demo business's review of the week ending 2026-11-21 opens on its planted anomalies
 * (data/README.md, "Planted anomalies") and on nothing else without a reason written in
 * data/README.md ("Other exceptions and why").
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../../data/generate-demo.js';
import type { Exception, Side } from '../bands/types';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { parseCatalog } from '../metrics/catalog';
import { deckFromCatalog } from '../metrics/deck';
import { buildReview } from './buildReview';
import type { Review } from './types';

const WEEK_ENDING = '2026-11-21';

interface Expected {
	variance: Side;
	good: boolean;
	/** The planted anomaly's number in data/README.md. */
	anomaly: number;
}

/** Planted inputs: each must be in the list, beyond its limit on the side the anomaly pushed it. */
const PLANTED: Record<string, Expected> = {
	page_load_p90: { variance: 'above', good: false, anomaly: 1 },
	price_competitiveness: { variance: 'below', good: false, anomaly: 2 },
	on_time_delivery: { variance: 'below', good: false, anomaly: 3 }
};

/**
 * The outputs anomaly 1 moves (slower pages, lower web conversion): conversion itself must be in
 * the list; the others may be, and if so below their band, as bad news.
 */
const CONSEQUENCES: Record<string, Expected> = {
	conversion_rate: { variance: 'below', good: false, anomaly: 1 },
	orders: { variance: 'below', good: false, anomaly: 1 },
	revenue: { variance: 'below', good: false, anomaly: 1 },
	contribution_margin: { variance: 'below', good: false, anomaly: 1 }
};

/** data/README.md, "Other exceptions and why": metric id → the reason written there. */
const DOCUMENTED_WEEKLY: Record<string, string> = {};
const DOCUMENTED_MONTHLY: Record<string, string> = {
	return_rate: 'a run of nine months just above the centre line, by chance'
};

let engine: Engine;
let review: Review;

beforeAll(async () => {
	engine = await startNodeEngine();
	const data = new TextEncoder().encode(generateDemoCsv());
	await ingestFiles(engine, [{ name: 'demo.csv', data }]);
	const catalog = parseCatalog(readFileSync('data/demo-catalog.yaml', 'utf8'), 'demo-catalog.yaml');
	review = await buildReview(
		engine,
		{ catalog, deck: deckFromCatalog(catalog) },
		{ weekEnding: WEEK_ENDING }
	);
}, 120_000);
afterAll(async () => engine.close());

function checkList(
	details: Exception[],
	required: Record<string, Expected>,
	optional: Record<string, Expected>,
	documented: Record<string, string>
) {
	const byId = new Map(details.map((e) => [e.metricId, e]));
	for (const [id, expected] of Object.entries(required)) {
		const exception = byId.get(id);
		expect(
			exception,
			`${id} (planted anomaly ${expected.anomaly}) is not in the list`
		).toBeDefined();
		expect(exception?.rules).toContain('beyond_limit');
	}
	for (const [id, expected] of Object.entries({ ...optional, ...required })) {
		const exception = byId.get(id);
		if (!exception) continue;
		expect({ id, variance: exception.variance, good: exception.good }).toEqual({
			id,
			variance: expected.variance,
			good: expected.good
		});
	}
	const unexplained = details
		.map((e) => e.metricId)
		.filter((id) => !(id in required) && !(id in optional) && !(id in documented));
	expect(unexplained, 'exceptions without a reason in data/README.md').toEqual([]);
	const severities = details.map((e) => e.severity);
	expect(severities).toEqual([...severities].sort((a, b) => b - a));
}

describe('the demo review of the week ending 2026-11-21', () => {
	it('opens on the planted anomalies, each on the right side and as bad news', () => {
		expect(review.exceptions).toEqual(review.exceptionDetails.map((e) => e.metricId));
		checkList(
			review.exceptionDetails,
			{ ...PLANTED, conversion_rate: CONSEQUENCES.conversion_rate as Expected },
			CONSEQUENCES,
			DOCUMENTED_WEEKLY
		);
		for (const e of review.exceptionDetails) expect(e.period).toBe(WEEK_ENDING);
	});

	it('counts everything else in one sentence', () => {
		const { summary } = review;
		expect(summary.period).toBe(WEEK_ENDING);
		expect(summary.metrics).toBe(19); // every catalog metric but `returns`, an operand shown nowhere
		expect(
			summary.withinBand + summary.exceptions + summary.withoutBand + summary.withoutData
		).toBe(summary.metrics);
		expect(summary.exceptions).toBe(review.exceptions.length);
		expect(summary.text).toBe(`${summary.withinBand} of 19 metrics within their expected band`);
	});

	it('puts the band and signals on each metric: page load against its last 26 weeks', () => {
		const pageLoad = review.blocks.flatMap((b) => b.metrics).find((m) => m.id === 'page_load_p90');
		// 26 weeks before the week under review: 2026-05-23 to 2026-11-14.
		expect(pageLoad?.band).toMatchObject({
			method: 'xmr',
			status: 'ok',
			baseline: { from: '2026-05-23', to: '2026-11-14' }
		});
		const upper = pageLoad?.band?.upper ?? Infinity;
		expect(pageLoad?.box.lastWeek).toBeGreaterThan(upper);
		expect(pageLoad?.signals).toContainEqual({
			rule: 'beyond_limit',
			from: WEEK_ENDING,
			to: WEEK_ENDING,
			good: false,
			side: 'above'
		});
		// The slow release shipped on 2026-09-27: every week from the one ending 2026-10-03 is above the centre.
		expect(pageLoad?.signals).toContainEqual(
			expect.objectContaining({ rule: 'eight_on_one_side', from: '2026-10-03', to: WEEK_ENDING })
		);
	});

	it('the strategic view (October 2026) shows anomaly 1 and nothing unexplained', () => {
		expect(review.monthlySummary.period).toBe('2026-10-31');
		expect(review.monthlyExceptions).toEqual(review.monthlyExceptionDetails.map((e) => e.metricId));
		// The price cut (from 1 November) and the strike (15-21 November) are not in October.
		checkList(
			review.monthlyExceptionDetails,
			{ page_load_p90: PLANTED.page_load_p90 as Expected },
			CONSEQUENCES,
			DOCUMENTED_MONTHLY
		);
	});

	it('reads the on-time delivery plan, 93%, below the lower limit as met consistently', () => {
		const metrics = review.blocks.flatMap((b) => b.metrics);
		const onTime = metrics.find((m) => m.id === 'on_time_delivery');
		// The strike week is beyond the band; the limits come from the 26 weeks before it.
		expect(onTime?.assurance?.verdict).toBe('will_meet');
		expect(onTime?.assurance?.plan).toBe(0.93);
		expect(onTime?.assurance?.lower).toBe(onTime?.band?.naturalLower);
		expect(onTime?.assurance?.lower).toBeGreaterThan(0.93);
		// Orders and revenue are judged against their plan (a plan band): no assurance from it.
		for (const id of ['orders', 'revenue']) {
			expect(metrics.find((m) => m.id === id)?.band?.method).toBe('plan');
			expect(metrics.find((m) => m.id === id)?.assurance).toBeNull();
		}
	});
});
