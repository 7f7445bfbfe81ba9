/**
 * The WBR App's own scenario files and demo uploads load exactly: every row, and for every metric
 * column the count and sum a reader gets by adding up the column by hand (computed here with
 * PapaParse, independently of the loader).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { ingestFiles } from '../ingest';
import { handTotals, WBR, WBR_FILES } from './wbr-files';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

describe('WBR App scenario files', () => {
	for (const file of WBR_FILES) {
		it(`${file} loads every row and every value`, async () => {
			await engine.query('DROP TABLE IF EXISTS observations');
			const result = await ingestFiles(engine, [
				{ name: file, data: readFileSync(path.join(WBR, file)) }
			]);
			const report = result.files[0];
			const expected = handTotals(file);
			expect(report?.error).toBeUndefined();
			expect(report?.rowsRead).toBe(expected.rows);
			expect(report?.rowsLoaded).toBe(expected.rows);
			expect(report?.rejected).toEqual([]);
			for (const [column, total] of expected.totals) {
				// scenario_3 repeats "Desktop Pct"; the second one is kept as "Desktop Pct_2".
				const metric = result.metrics.find((m) => m.id === column);
				expect(metric, column).toBeDefined();
				expect(metric?.count, column).toBe(total.count);
				expect(metric?.sum, column).toBeCloseTo(total.sum, 4);
			}
		});
	}

	it('reads "Sun, 05-Jan-2020", thousands separators, percent strings and segments', async () => {
		await engine.query('DROP TABLE IF EXISTS observations');
		const read = (f: string) => ({ name: f, data: readFileSync(path.join(WBR, f)) });
		const result = await ingestFiles(engine, [read('scenario_3/original.csv')]);
		expect(result.files[0]?.renamedColumns).toEqual([
			{ from: 'Desktop Pct', to: 'Desktop Pct_2', position: 11 }
		]);
		// Line 2 of scenario_3: "Sun, 05-Jan-2020",56607738,...,0.56,...,56.00%,US
		const first = await engine.query(
			`SELECT metric, value, "Country", source_line FROM observations WHERE date = DATE '2020-01-05' AND metric IN ('PageViews', 'Desktop Pct', 'Desktop Pct_2') ORDER BY metric`
		);
		expect(first.columns).toEqual({
			metric: ['Desktop Pct', 'Desktop Pct_2', 'PageViews'],
			value: [0.56, 0.56, 56607738],
			Country: ['US', 'US', 'US'],
			source_line: [2, 2, 2]
		});
		await engine.query('DROP TABLE IF EXISTS observations');
		const demo = await ingestFiles(engine, [
			read('demo_uploads/2-wbr-sample-dataset-with-filter.csv')
		]);
		expect(demo.files[0]?.dateOrder).toBe('MDY');
		const sales = await engine.query(
			`SELECT sum(value) AS total FROM observations WHERE "Department" = 'Sales' AND date = DATE '2020-01-01'`
		);
		expect(sales.columns['total']).toEqual([2]);
	});
});
