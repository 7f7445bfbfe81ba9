/**
 * Every file of the bad-input corpus (DuckDB's fuzz crashers included) either loads, with rows
 * read = loaded + rejected, or gives a one-line error; none crashes or takes longer than the limit;
 * and the outcomes add up to the counts in the ingest README.
 * Most of these files are generic CSVs with no date column: "no column holds dates" is the right
 * answer for them at the metric level, and `parseTable` must still read them as a table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { ingestFiles } from '../ingest';
import { parseTable } from '../parse-table';
import { BAD_INPUT, filesUnder, isExpectation } from './corpus';

/** Per file, both loads together; generous because the test machine is shared. */
const FILE_TIME_LIMIT_MS = 15_000;

const files = filesUnder(BAD_INPUT).filter((f) => !isExpectation(f));

/**
 * What the corpus comes to, as the ingest README lists it: a change that moves a file from one
 * outcome to another changes these counts, and says why there.
 */
const OUTCOMES = {
	loaded: 49,
	'No column holds dates; choose the date column.': 386,
	'Found only one column: the file needs a date column and at least one value column.': 213,
	'The file has a header but no data rows.': 95,
	'No column holds numbers to load as metrics.': 31,
	'The file is empty (0 bytes).': 11,
	'The file holds only blank lines.': 1
};
const outcomes: Record<string, number> = {};

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

describe('every bad-input file loads or says why not', () => {
	it('finds the corpus', () => expect(files.length).toBeGreaterThan(700));
	for (const file of files) {
		const name = path.relative(BAD_INPUT, file);
		it(name, async () => {
			const started = performance.now();
			await engine.query('DROP TABLE IF EXISTS observations');
			const data = readFileSync(file);
			const { files: reports } = await ingestFiles(engine, [{ name, data }]);
			const report = reports[0];
			expect(report).toBeDefined();
			const outcome = report?.error ?? 'loaded';
			outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
			if (report?.error) {
				expect(report.error).toMatch(/^[^\n]{10,400}$/);
				expect(report.rowsRead).toBe(0);
			} else {
				expect(report?.rowsRead).toBe((report?.rowsLoaded ?? 0) + (report?.rowsRejected ?? 0));
			}
			try {
				const table = await parseTable(engine, name, data);
				expect(table.rows.length).toBe(table.lines.length);
			} catch (error) {
				// A table that cannot be read at all must say so in one readable line.
				expect(String(error)).toMatch(
					/could not be read as CSV|Flywheel loads files up to|does not unpack/
				);
			}
			expect(performance.now() - started).toBeLessThan(FILE_TIME_LIMIT_MS);
		});
	}
	// Runs after every file's test above (a file's tests run in order).
	it('comes to the outcome counts in the README', () => {
		expect(outcomes).toEqual(OUTCOMES);
	});
});
