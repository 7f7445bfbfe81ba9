/**
 * CSV downloads open as text in a spreadsheet: a cell that starts like a formula gets a leading
 * apostrophe, a number stays a number. The rejected-rows file is checked through the real ingest,
 * with a file name and a column name an attacker chose.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest/ingest';
import { rejectedRowsCsv } from '../ingest/rejected-csv';
import { engineWithEmptyStore } from '../ingest/tests/store';
import { csvText, neutralizeCell } from './csv';

const engine = engineWithEmptyStore();

/** The cells a spreadsheet (or any CSV reader) gets back from the text. */
function cellsOf(csv: string): string[][] {
	return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

describe('csvText', () => {
	it('prefixes a cell that starts with = + - @ tab or CR, and nothing else', () => {
		expect(
			['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '=1+1\n=2', 'a=b', ' =x', "'=x"].map(
				neutralizeCell
			)
		).toEqual([
			"'=1+1",
			"'+cmd",
			"'-2+3",
			"'@SUM(A1)",
			"'\tx",
			"'\rx",
			"'=1+1\n=2",
			'a=b',
			' =x',
			"'=x"
		]);
	});

	it('keeps numbers numbers: -12.5 as a number or as a text, +3, -1e3, -.5', () => {
		expect([-12.5, '-12.5', '+3', '-1e3', '-.5', 0, null].map(neutralizeCell)).toEqual([
			-12.5,
			'-12.5',
			'+3',
			'-1e3',
			'-.5',
			0,
			''
		]);
		expect(cellsOf(csvText(['delta'], [[-12.5], ['-12.5'], ['-12.5 EUR']]))).toEqual([
			['delta'],
			['-12.5'],
			['-12.5'],
			["'-12.5 EUR"]
		]);
	});

	it('quotes what needs quoting after the prefix, CRLF between rows', () => {
		expect(csvText(['a', '=b'], [['=HYPERLINK("http://evil")', 'x,y']])).toBe(
			`a,'=b\r\n"'=HYPERLINK(""http://evil"")","x,y"`
		);
	});
});

describe('rejected rows download', () => {
	it('opens as text whatever the file, column and values are called', async () => {
		const name = '=HYPERLINK("http://evil").csv';
		const file = [
			'date,+cmd,@segment',
			'2024-01-01,abc,-x',
			'2024-01-02,-12.5,=1+1',
			'Total,5,'
		].join('\n');
		const { files } = await ingestFiles(engine, [{ name, data: new TextEncoder().encode(file) }]);
		expect(files[0]).toMatchObject({
			rowsRead: 3,
			rowsLoaded: 2,
			rowsRejected: 1,
			cellsRejected: 1
		});
		expect(cellsOf(rejectedRowsCsv(files))).toEqual([
			['file', 'line', 'column', 'reason'],
			[`'${name}`, '2', "'+cmd", 'not a number: "abc"'],
			[`'${name}`, '4', '', 'not a date: "Total"']
		]);
		// The error of a file that could not be read is the reason cell: prefixed when it starts like a formula.
		const broken = { ...files[0]!, file: '-rf.csv', rejected: [], error: '=cmd|"/c calc"!A1' };
		expect(cellsOf(rejectedRowsCsv([broken]))[1]).toEqual([
			"'-rf.csv",
			'',
			'',
			`'=cmd|"/c calc"!A1`
		]);
	});
});
