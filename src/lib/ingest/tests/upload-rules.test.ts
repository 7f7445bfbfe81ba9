/**
 * The rules, one small file each, with numbers a person can check by reading the file:
 * preambles, totals rows, decimal commas, percent strings, NULL spellings, encodings, gzip, line
 * endings, line numbers, long layout, sub-daily timestamps, conflicts between files, size limit.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { engineWithEmptyStore } from './store';
import { ingestFiles } from '../ingest';
import { MAX_FILE_BYTES } from '../limits';
import { previewFile } from '../mapping';
import { rejectedRowsCsv } from '../rejected-csv';

const engine = engineWithEmptyStore();

const utf8 = (text: string) => new TextEncoder().encode(text);

async function values(sql: string) {
	return (await engine.query(sql)).columns;
}

describe('upload rules', () => {
	it('skips a preamble, reads decimal commas, percent and NULL spellings, rejects a totals row', async () => {
		const file = [
			'Report: sales by day', // 1
			'Generated 2024-01-10', // 2
			'', // 3
			'Datum;Umsatz;Quote', // 4
			'05.01.2024;1.234,50 €;56,00%', // 5
			'06.01.2024;NA;-', // 6
			'07.01.2024;5,5;abc', // 7
			'Summe;1.240,00;' // 8
		].join('\n');
		const { files } = await ingestFiles(engine, [{ name: 'de.csv', data: utf8(file) }]);
		const report = files[0];
		expect(report).toMatchObject({
			delimiter: ';',
			layout: 'wide',
			dateColumn: 'Datum',
			dateOrder: 'DMY',
			rowsRead: 4,
			rowsLoaded: 3,
			rowsRejected: 1,
			cellsRejected: 1
		});
		expect(report?.rejected).toEqual([
			{ line: 7, column: 'Quote', reason: 'not a number: "abc"' },
			{ line: 8, column: null, reason: 'not a date: "Summe"' }
		]);
		expect(
			await values(
				`SELECT date, metric, value, source_line FROM observations ORDER BY metric DESC, date`
			)
		).toEqual({
			date: ['2024-01-05', '2024-01-06', '2024-01-07', '2024-01-05', '2024-01-06', '2024-01-07'],
			metric: ['Umsatz', 'Umsatz', 'Umsatz', 'Quote', 'Quote', 'Quote'],
			value: [1234.5, null, 5.5, 0.56, null, null],
			source_line: [5, 6, 7, 5, 6, 7]
		});
		expect(rejectedRowsCsv(files)).toBe(
			'file,line,column,reason\r\nde.csv,7,Quote,"not a number: ""abc"""\r\nde.csv,8,,"not a date: ""Summe"""'
		);
	});

	it('decodes Latin-1 and UTF-16 without mojibake', async () => {
		const text = 'Date,Région,Ventes\n2024-01-01,Île-de-France,3\n2024-01-02,Zürich,4\n';
		const latin1 = new Uint8Array(Buffer.from(text, 'latin1'));
		const utf16 = new Uint8Array(Buffer.from('\uFEFF' + text, 'utf16le'));
		const { files } = await ingestFiles(engine, [
			{ name: 'latin1.csv', data: latin1 },
			{ name: 'utf16.csv', data: utf16 }
		]);
		expect(files.map((f) => f.encoding)).toEqual(['windows-1252', 'utf-16le']);
		// Same rows in both files: every observation of the second is a conflict.
		expect(files[1]?.conflicts.map((c) => c.segments)).toEqual([
			{ Région: 'Zürich' },
			{ Région: 'Île-de-France' }
		]);
		expect(
			await values(`SELECT "Région" AS r, sum(value) AS v FROM observations GROUP BY r ORDER BY r`)
		).toEqual({
			r: ['Zürich', 'Île-de-France'],
			v: [4, 3]
		});
	});

	it('reads gzip by its magic bytes, whatever the name', async () => {
		const data = new Uint8Array(
			gzipSync(Buffer.from('date\tvisits\n2024-03-01\t10\n2024-03-02\t12\n'))
		);
		const { files, metrics } = await ingestFiles(engine, [{ name: 'visits.txt', data }]);
		expect(files[0]).toMatchObject({ delimiter: '\t', rowsLoaded: 2 });
		expect(metrics).toMatchObject([{ id: 'visits', count: 2, sum: 22 }]);
	});

	it('numbers physical lines across CR endings, quoted newlines and blank lines (long layout)', async () => {
		const file =
			'date,metric,value\r' + // line 1
			'2024-01-01,"Sign\rups",5\r' + // lines 2-3
			'\r' + // line 4, blank
			'2024-01-02,Visits,x\r' + // line 5
			'2024-01-03,Visits,7\r'; // line 6
		const { files } = await ingestFiles(engine, [{ name: 'cr.csv', data: utf8(file) }]);
		expect(files[0]).toMatchObject({ layout: 'long', rowsRead: 3, rowsLoaded: 3 });
		expect(files[0]?.rejected).toEqual([{ line: 5, column: 'value', reason: 'not a number: "x"' }]);
		expect(
			await values(`SELECT metric, value, source_line FROM observations ORDER BY source_line`)
		).toEqual({
			metric: ['Sign\rups', 'Visits', 'Visits'],
			value: [5, null, 7],
			source_line: [2, 5, 6]
		});
	});

	it('keeps sub-daily timestamps in ts and their day in date', async () => {
		const file =
			'timestamp,orders\n2024-01-01 09:30:00,3\n2024-01-01 17:05:00,4\n1/2/2024 8:00 PM,5\n';
		await ingestFiles(engine, [{ name: 'hourly.csv', data: utf8(file) }]);
		expect(await values(`SELECT date, ts, value FROM observations ORDER BY ts`)).toEqual({
			date: ['2024-01-01', '2024-01-01', '2024-01-02'],
			ts: ['2024-01-01 09:30:00', '2024-01-01 17:05:00', '2024-01-02 20:00:00'],
			value: [3, 4, 5]
		});
	});

	it('decides day-first or month-first from the values and says so', async () => {
		const monthFirst = 'Date,Sales\n1/12/2024,1\n1/13/2024,2\n';
		const dayFirst = 'Date,Sales\n12/1/2024,1\n13/1/2024,2\n';
		const named = 'Date,Sales\n"Dec 8, 2022",1\n"Dec 9, 2022",2\n';
		const { files } = await ingestFiles(engine, [
			{ name: 'us.csv', data: utf8(monthFirst) },
			{ name: 'eu.csv', data: utf8(dayFirst) },
			{ name: 'named.csv', data: utf8(named) }
		]);
		expect(files.map((f) => f.dateOrder)).toEqual(['MDY', 'DMY', 'MDY']);
		// The first file has 2024-01-12 and 2024-01-13; the second 2024-01-12 (a conflict) and 2024-01-13.
		expect(files[1]?.conflicts).toMatchObject([
			{ metric: 'Sales', otherFile: 'us.csv', observations: 2 }
		]);
		expect(files[2]?.rowsLoaded).toBe(2);
	});

	it('reports a conflict instead of summing the same metric twice', async () => {
		const file = 'Date,Department,Applicants\n2024-01-01,Sales,2\n2024-01-01,Other,3\n';
		const { files, metrics } = await ingestFiles(engine, [
			{ name: 'a.csv', data: utf8(file) },
			{ name: 'b.csv', data: utf8(file) }
		]);
		expect(files[1]?.conflicts).toEqual([
			{
				metric: 'Applicants',
				segments: { Department: 'Other' },
				otherFile: 'a.csv',
				observations: 1,
				firstDate: '2024-01-01',
				lastDate: '2024-01-01'
			},
			{
				metric: 'Applicants',
				segments: { Department: 'Sales' },
				otherFile: 'a.csv',
				observations: 1,
				firstDate: '2024-01-01',
				lastDate: '2024-01-01'
			}
		]);
		expect(metrics).toMatchObject([{ id: 'Applicants', count: 2, sum: 5 }]);
	});

	it('rejects rows with too many or too few fields, keeps duplicate columns apart', async () => {
		const file =
			'Date,Revenue,Revenue\n2024-01-01,1,2\n2024-01-02,3\n2024-01-03,4,5,6\n2024-01-04,7,8,\n';
		const { files, metrics } = await ingestFiles(engine, [
			{ name: 'ragged.csv', data: utf8(file) }
		]);
		expect(files[0]?.renamedColumns).toEqual([{ from: 'Revenue', to: 'Revenue_2', position: 3 }]);
		expect(files[0]?.rejected).toEqual([
			{ line: 3, column: null, reason: 'has 2 fields; the header has 3' },
			{ line: 4, column: null, reason: 'has 4 fields; the header has 3' }
		]);
		// A trailing delimiter (an empty extra field, line 5) is not a wrong row.
		expect(metrics.map((m) => [m.id, m.sum])).toEqual([
			['Revenue', 8],
			['Revenue_2', 10]
		]);
	});

	it('refuses a file too large for the tab, with its size and the limit, and loads the others', async () => {
		class HugeFile extends Blob {
			override get size() {
				return 2 * MAX_FILE_BYTES;
			}
		}
		const { files } = await ingestFiles(engine, [
			{ name: 'huge.csv', data: new HugeFile(['Date,x\n']) },
			{ name: 'small.csv', data: utf8('Date,x\n2024-01-01,1\n') }
		]);
		expect(files[0]?.error).toBe(
			'huge.csv is 2.00 GiB; Flywheel loads files up to 1.00 GiB in the browser. Split or filter the export and load the parts.'
		);
		expect(files[1]?.rowsLoaded).toBe(1);
	});

	it('previews what it understood before loading', async () => {
		const preview = await previewFile(
			'p.csv',
			utf8('# exported\nDate,Region,Orders\n2024-01-01,EU,"1,200"\n')
		);
		expect(preview.mapping).toMatchObject({
			headerLine: 2,
			dateColumn: 'Date',
			segmentColumns: ['Region'],
			metricColumns: ['Orders'],
			layout: 'wide'
		});
		expect(preview.rows).toEqual([['2024-01-01', 'EU', '1,200']]);
		expect(preview.rowLines).toEqual([3]);
	});
});
