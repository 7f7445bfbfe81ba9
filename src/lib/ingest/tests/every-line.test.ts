/**
 * Issue 15, first row: DuckDB's fuzzed files with NUL bytes, lone CRs and unbalanced quotes above
 * and among their rows. Each once came back as 0 rows read, 0 loaded, 0 rejected: DuckDB's `skip`
 * lost every record after the lines it read differently, and its strict read dropped a last record
 * whose quote never closes, both without an error. Now every record after the header is loaded
 * (its line is a `source_line`) or rejected with its line and reason, and rows read counts them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccounting, ingestFiles } from '../ingest';
import { emptyReport } from '../load-file';
import { previewFile } from '../mapping';
import { recordStartLines } from '../record-starts';
import { BAD_INPUT } from './corpus';
import { engineWithEmptyStore } from './store';

const engine = engineWithEmptyStore();

/** Per file: the first data line and the records from it on, counted by reading the file. */
const FILES = {
	'38.csv': { firstDataLine: 5, records: 12, loaded: 6 },
	'39.csv': { firstDataLine: 12, records: 10, loaded: 7 },
	'40.csv': { firstDataLine: 5, records: 14, loaded: 7 },
	'41.csv': { firstDataLine: 7, records: 12, loaded: 10 },
	'46.csv': { firstDataLine: 8, records: 14, loaded: 8 },
	'47.csv': { firstDataLine: 3, records: 15, loaded: 6 },
	'54.csv': { firstDataLine: 3, records: 14, loaded: 7 }
};

describe('every line of a broken file is accounted for', () => {
	for (const [name, expected] of Object.entries(FILES)) {
		it(`duckdb/afl/ignore_errors/${name}`, async () => {
			const data = readFileSync(path.join(BAD_INPUT, 'duckdb/afl/ignore_errors', name));
			const preview = await previewFile(name, data);
			expect(preview.rowLines[0]).toBe(expected.firstDataLine);
			const { files } = await ingestFiles(engine, [{ name, data }]);
			const report = files[0];
			expect(report?.error).toBeUndefined();
			expect(report).toMatchObject({
				rowsRead: expected.records,
				rowsLoaded: expected.loaded,
				rowsRejected: expected.records - expected.loaded
			});
			expect(report?.notes.join(' ')).not.toMatch(/could not be matched to their line/);
			// The records, by the same rules as DuckDB's reader (quotes and line ends are ASCII).
			const starts = (await recordStartLines(data, report?.delimiter ?? ',', 0)).filter(
				(line) => line >= expected.firstDataLine
			);
			expect(starts).toHaveLength(expected.records);
			const loadedLines = (
				await engine.query(
					'SELECT DISTINCT source_line AS line FROM observations ORDER BY source_line'
				)
			).columns['line']?.map(Number);
			const rejectedLines = (report?.rejected ?? [])
				.filter((r) => r.column === null)
				.map((r) => r.line);
			expect(loadedLines).toHaveLength(expected.loaded);
			expect(new Set(rejectedLines).size).toBe(expected.records - expected.loaded);
			expect([...(loadedLines ?? []), ...rejectedLines].sort((a, b) => a - b)).toEqual(starts);
			for (const row of report?.rejected ?? []) expect(row.reason).toMatch(/^[a-z]/);
		});
	}

	it('names the quote that is never closed (54.csv, line 16)', async () => {
		const data = readFileSync(path.join(BAD_INPUT, 'duckdb/afl/ignore_errors/54.csv'));
		const { files } = await ingestFiles(engine, [{ name: '54.csv', data }]);
		expect(files[0]?.rejected).toContainEqual({
			line: 16,
			column: null,
			reason: 'unreadable row: the quote opened on line 16 is never closed'
		});
	});

	it('reads past a lone CR above the header, and rejects the last row, whose quote stays open', async () => {
		// A title ending in a lone CR, a CRLF line, then LF lines: DuckDB's skip lost every row.
		const file = 'Report\rnotes: x\r\nDate,Sales\n2024-01-01,1\n2024-01-02,2\n2024-01-03,"3\n';
		const { files } = await ingestFiles(engine, [
			{ name: 'cr.csv', data: new TextEncoder().encode(file) }
		]);
		expect(files[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
		expect(files[0]?.mapping?.headerLine).toBe(3);
		// DuckDB reads the open quote on the last line as a missing field: the row is one field short.
		expect(files[0]?.rejected).toEqual([
			{ line: 6, column: null, reason: 'has 1 fields; the header has 2' }
		]);
		const sales = await engine.query('SELECT sum(value) AS s FROM observations');
		expect(sales.columns['s']).toEqual([3]);
	});

	it('checks the accounting of every report once, at the end, and says when it does not add up', () => {
		const right = { ...emptyReport('a.csv'), rowsRead: 5, rowsLoaded: 3, rowsRejected: 2 };
		expect(checkAccounting(right).notes).toEqual([]);
		const wrong = { ...emptyReport('b.csv'), rowsRead: 5, rowsLoaded: 3, rowsRejected: 1 };
		expect(checkAccounting(wrong).notes).toEqual([
			"Flywheel's count of rows does not add up (5 read, 3 loaded, 1 rejected): please report this file."
		]);
	});
});
