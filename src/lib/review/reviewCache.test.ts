/**
 * A review composed from the cache's source store is the review computed alone (with a store of
 * its own): the demo business, both views, a week early in the data, the last week and one past
 * the data. The cache keeps a few stores, one per filter, and drops their tables.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../../data/generate-demo.js';
import { strings } from '../engine/columns';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { parseCatalog } from '../metrics/catalog';
import { deckFromCatalog } from '../metrics/deck';
import type { Catalog, View } from '../metrics/types';
import { buildReview } from './buildReview';
import { ReviewCache } from './reviewCache';
import { deckMetricIds, planReviewMetrics } from './reviewMetrics';
import { filterCatalog } from '../app/segment-catalog';
import { segmentChoices } from '../app/review-data';

let engine: Engine;
let catalog: Catalog;

beforeAll(async () => {
	engine = await startNodeEngine();
	await ingestFiles(engine, [
		{ name: 'demo.csv', data: new TextEncoder().encode(generateDemoCsv()) }
	]);
	catalog = parseCatalog(readFileSync('data/demo-catalog.yaml', 'utf8'), 'demo-catalog.yaml');
}, 120_000);
afterAll(async () => engine.close());

const tempTables = async () =>
	strings(
		await engine.query('SELECT table_name FROM duckdb_tables() WHERE temporary ORDER BY 1'),
		'table_name'
	);

/** The same JSON, numbers within 1e-12 relative. */
function expectSameReview(actual: unknown, expected: unknown, path = 'review'): void {
	if (typeof expected === 'number' && typeof actual === 'number') {
		const scale = Math.max(Math.abs(expected), Math.abs(actual), 1e-300);
		expect(Math.abs(actual - expected) / scale, path).toBeLessThan(1e-12);
	} else if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
		expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
		for (const [key, value] of Object.entries(expected)) {
			expectSameReview((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
		}
	} else {
		expect(actual, path).toEqual(expected);
	}
}

describe('the review cache, on the demo business', () => {
	// The demo's 75,000 rows are fewer than a bucket table pays for: `0` builds one all the same.
	const cache = (bucketTableRows?: number) =>
		new ReviewCache(deckMetricIds(deckFromCatalog(catalog)), bucketTableRows);
	const config = (view: View) => ({ catalog, deck: deckFromCatalog(catalog, { view }) });

	it('keeps one store for both views of a filter, the three filters asked for last, from one bucket table', async () => {
		const shared = cache(0);
		const needsOf = (c: Catalog) => planReviewMetrics(c, [...shared.metricIds]);
		const first = await shared.store(engine, needsOf(catalog), 'saturday');
		// Both views, any week: the same store.
		await buildReview(engine, config('operational'), { weekEnding: '2026-11-21', cache: shared });
		await buildReview(engine, config('strategic'), { weekEnding: '2026-10-03', cache: shared });
		expect(await shared.store(engine, needsOf(catalog), 'saturday')).toBe(first);
		const { splits } = await segmentChoices(engine);
		const regions = ['North', 'South', 'East', 'West'].map((region) =>
			filterCatalog(catalog, { region }, splits)
		);
		const stores = [];
		for (const filtered of regions)
			stores.push(await shared.store(engine, needsOf(filtered), 'saturday'));
		// The whole company's store was asked for longest ago: forgotten, built anew when asked.
		expect(await shared.store(engine, needsOf(regions[3] as Catalog), 'saturday')).toBe(stores[3]);
		expect(await shared.store(engine, needsOf(catalog), 'saturday')).not.toBe(first);
		// DuckDB holds one table for them all, the data's buckets, until the cache is dropped.
		expect(await tempTables()).toEqual([expect.stringMatching(/^flywheel_buckets_/)]);
		await shared.drop();
		expect(await tempTables()).toEqual([]);
	}, 60_000);

	it.each([
		['from a bucket table', 0],
		['from the observations, data this small', undefined]
	])(
		'gives every week and view the numbers of the review computed alone, %s',
		async (_, rows) => {
			const shared = cache(rows);
			// 2024-03-02: early in the data (no prior year); 2027-06-05: past it, added on demand.
			for (const weekEnding of ['2026-11-21', '2024-03-02', '2027-06-05']) {
				for (const view of ['operational', 'strategic'] as const) {
					const alone = await buildReview(engine, config(view), { weekEnding });
					const cached = await buildReview(engine, config(view), { weekEnding, cache: shared });
					expectSameReview(cached, alone, `${weekEnding} ${view}`);
				}
			}
			// A segment filter: regrouped from the bucket table, or read from the observations.
			const { splits } = await segmentChoices(engine);
			const east = filterCatalog(catalog, { region: 'East', channel: 'app' }, splits);
			const eastConfig = { catalog: east, deck: deckFromCatalog(east, { view: 'operational' }) };
			expectSameReview(
				await buildReview(engine, eastConfig, { weekEnding: '2026-11-21', cache: shared }),
				await buildReview(engine, eastConfig, { weekEnding: '2026-11-21' }),
				'East app'
			);
			expect((await tempTables()).length).toBe(rows === 0 ? 1 : 0);
			await shared.drop();
		},
		120_000
	);
});
