/**
 * Every file of the bad-input corpus (DuckDB's fuzz crashers included) either loads, with rows
 * read = loaded + rejected, or gives a one-line error; none crashes or takes longer than the limit.
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
});
