/**
 * A review read from the cache's tables of every week is the review computed for its week alone:
 * the demo business, both views, a week early in the data, the last week and one past the data.
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
import { deckMetricIds } from './reviewMetrics';
import { WeekTables } from './weekTables';

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

/**
 * The same JSON, numbers within 1e-12 relative: a sum's last bit may depend on the order DuckDB
 * adds a period's days in, which differs between one week ending and all of them.
 */
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
	const cache = () => new ReviewCache(deckMetricIds(deckFromCatalog(catalog)));
	const config = (view: View) => ({ catalog, deck: deckFromCatalog(catalog, { view }) });

	it('builds no table for a review the user waits for, only when asked to fill', async () => {
		// The periods tables, kept per engine (periodCache.ts), are there after the first review.
		await buildReview(engine, config('operational'), { weekEnding: '2026-11-21' });
		const before = await tempTables();
		const shared = cache();
		await buildReview(engine, config('operational'), { weekEnding: '2026-11-21', cache: shared });
		expect(await tempTables()).toEqual(before);
		await buildReview(engine, config('operational'), {
			weekEnding: '2026-11-21',
			cache: shared,
			fillCache: true
		});
		// The review's numbers, its weekly and its monthly history; both views share them.
		expect((await tempTables()).length).toBe(before.length + 3);
		await buildReview(engine, config('strategic'), { weekEnding: '2026-11-21', cache: shared });
		expect((await tempTables()).length).toBe(before.length + 3);
		await shared.drop();
		expect(await tempTables()).toEqual(before);
	}, 60_000);

	it('gives every week and view the numbers of the review computed alone', async () => {
		const shared = cache();
		// 2024-03-02: early in the data (no prior year); 2027-06-05: past it, added on demand.
		for (const weekEnding of ['2026-11-21', '2024-03-02', '2027-06-05']) {
			for (const view of ['operational', 'strategic'] as const) {
				const alone = await buildReview(engine, config(view), { weekEnding });
				const cached = await buildReview(engine, config(view), {
					weekEnding,
					cache: shared,
					fillCache: true
				});
				expectSameReview(cached, alone, `${weekEnding} ${view}`);
			}
		}
		await shared.drop();
	}, 120_000);
});

describe('week tables', () => {
	it('keep the tables asked for last, dropping the oldest', async () => {
		const tables = new WeekTables(engine, 1);
		const options = { weekEnding: '2026-11-21', weekday: 'saturday' as const };
		const query = (value: number) => (weeks: string) =>
			`WITH anchor AS (${weeks}) SELECT week_ending, ${value} AS value FROM anchor`;
		const first = await tables.table('one', query(1), options);
		const rows = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${first}`);
		// Every week ending of the data, 2023-11-25 to a week past 2026-11-21.
		expect(rows.columns['n']).toEqual([158]);
		await tables.table('two', query(2), options);
		expect(tables.has('one')).toBe(false);
		await tables.drop();
		expect(await tempTables()).not.toContain(first);
	});
});
