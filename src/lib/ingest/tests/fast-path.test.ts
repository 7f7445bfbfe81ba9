/**
 * The one-pass load of a clean file: it never reads a UTF-8 file whole into JavaScript (DuckDB
 * reads the registered Blob), and whenever it cannot be sure it loads exactly what the full path
 * would, the full path loads the file instead (same rows, lines and texts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { FieldEdges } from '../field-edges';
import { ingestFiles } from '../ingest';
import { SNIFF_BYTES } from '../limits';
import { LINE_CHUNK_BYTES } from '../records';

/**
 * A Blob that counts the bytes JavaScript reads from it (by slice, arrayBuffer, stream, text),
 * and the largest single read.
 */
class CountingBlob extends Blob {
	bytesRead = 0;
	largestRead = 0;
	override slice(start?: number, end?: number, type?: string): Blob {
		const part = super.slice(start, end, type);
		this.bytesRead += part.size;
		this.largestRead = Math.max(this.largestRead, part.size);
		return part;
	}
	override arrayBuffer(): Promise<ArrayBuffer> {
		this.bytesRead += this.size;
		this.largestRead = this.size;
		return super.arrayBuffer();
	}
	override bytes(): Promise<Uint8Array<ArrayBuffer>> {
		this.bytesRead += this.size;
		this.largestRead = this.size;
		return super.bytes();
	}
	override stream(): ReturnType<Blob['stream']> {
		this.bytesRead += this.size;
		this.largestRead = this.size;
		return super.stream();
	}
	override text(): Promise<string> {
		this.bytesRead += this.size;
		this.largestRead = this.size;
		return super.text();
	}
}

let engine: Engine;
/** The engine as ingest sees it; registering a Blob hands DuckDB its bytes, not JavaScript. */
let counted: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
	counted = {
		...engine,
		query: (sql, params) => engine.query(sql, params),
		registerFile: (name, source) =>
			engine.registerFile(name, source instanceof CountingBlob ? new Blob([source]) : source),
		dropFile: (name) => engine.dropFile(name),
		close: () => engine.close()
	};
});
afterAll(async () => engine.close());
beforeEach(async () => {
	await engine.query('DROP TABLE IF EXISTS observations');
});

const utf8 = (text: string) => new TextEncoder().encode(text);

function longFile(rows: number): string {
	const lines = ['date,metric,segment,value'];
	for (let i = 0; i < rows; i++)
		lines.push(`2024-01-${String((i % 28) + 1).padStart(2, '0')},m${i % 7},s${i % 5},${i}.5`);
	return lines.join('\n') + '\n';
}

async function values(sql: string) {
	return (await engine.query(sql)).columns;
}

describe('one-pass load of a clean file', () => {
	it('never holds a clean UTF-8 Blob whole in JavaScript, and numbers every line', async () => {
		const text = longFile(50_000);
		const blob = new CountingBlob([text]);
		expect(blob.size).toBeGreaterThan(LINE_CHUNK_BYTES);
		const { files } = await ingestFiles(counted, [{ name: 'clean.csv', data: blob }]);
		expect(files[0]).toMatchObject({ rowsRead: 50_000, rowsLoaded: 50_000, rowsRejected: 0 });
		// The sample, then one pass counting lines in slices; DuckDB reads the file itself.
		expect(blob.bytesRead).toBeLessThanOrEqual(blob.size + SNIFF_BYTES);
		expect(blob.largestRead).toBeLessThanOrEqual(Math.max(SNIFF_BYTES, LINE_CHUNK_BYTES));
		expect(
			await values(
				`SELECT min(source_line) AS first, max(source_line) AS last, count(DISTINCT source_line) AS n,
					sum(value) AS total FROM observations`
			)
		).toEqual({ first: [2], last: [50_001], n: [50_000], total: [(50_000 * 49_999) / 2 + 25_000] });
	});

	it('leaves files it cannot be sure of to the full path: spaces to trim, blank lines, bad cells', async () => {
		const file =
			'date,metric,segment,value\n' + // 1
			'2024-01-01, Visits ,EU,5\n' + // 2: texts trimmed
			'\n' + // 3: blank
			'2024-01-02,Visits,\u00a0EU,NA\n' + // 4: a no-break space trimmed too; NA is no data
			'2024-01-03,Visits,EU,x\n'; // 5: rejected cell
		const { files } = await ingestFiles(engine, [{ name: 'mixed.csv', data: utf8(file) }]);
		expect(files[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 3, cellsRejected: 1 });
		expect(files[0]?.rejected).toEqual([{ line: 5, column: 'value', reason: 'not a number: "x"' }]);
		expect(
			await values(`SELECT metric, segment, value, source_line FROM observations ORDER BY date`)
		).toEqual({
			metric: ['Visits', 'Visits', 'Visits'],
			segment: ['EU', 'EU', 'EU'],
			value: [5, null, null],
			source_line: [2, 4, 5]
		});
	});

	it('leaves a day that does not exist or a value that is not finite, past the sample, to the full path', async () => {
		// Past the 64 KB sample, so only the INSERT itself can see them: a strict DATE cast that
		// fails, and a value the guard holds back.
		const head = longFile(5_000);
		expect(head.length).toBeGreaterThan(SNIFF_BYTES);
		const file = head + '2024-02-30,m1,s1,1\n' + '2024-01-05,m1,s1,inf\n';
		const { files } = await ingestFiles(engine, [{ name: 'late.csv', data: utf8(file) }]);
		expect(files[0]).toMatchObject({ rowsRead: 5_002, rowsLoaded: 5_001, cellsRejected: 1 });
		expect(files[0]?.rejected).toEqual([
			{ line: 5_002, column: null, reason: 'not a date: "2024-02-30"' },
			{ line: 5_003, column: 'value', reason: 'not a number: "inf"' }
		]);
		expect(
			await values(`SELECT count(*) AS n, max(source_line) AS last FROM observations`)
		).toEqual({ n: [5_001], last: [5_003] });
	});

	it('loads a clean second file in one pass but leaves its conflicts to the full path', async () => {
		const a = 'date,metric,value\n2024-01-01,Visits,1\n2024-01-02,Visits,2\n';
		const b = 'date,metric,value\n2024-01-02,Visits,20\n2024-01-03,Visits,3\n';
		const c = 'date,metric,value\n2024-01-04,Visits,4\n';
		const { files, metrics } = await ingestFiles(engine, [
			{ name: 'a.csv', data: utf8(a) },
			{ name: 'b.csv', data: utf8(b) },
			{ name: 'c.csv', data: utf8(c) }
		]);
		expect(files.map((f) => f.conflicts.length)).toEqual([0, 1, 0]);
		expect(files.map((f) => f.rowsLoaded)).toEqual([2, 2, 1]);
		expect(metrics).toMatchObject([{ id: 'Visits', count: 4, sum: 10 }]);
	});

	it('checks texts past the sample only when the bytes show a space at a field edge', async () => {
		const queries: string[] = [];
		const watched: Engine = {
			...counted,
			query: (sql, params) => {
				queries.push(sql);
				return engine.query(sql, params);
			}
		};
		const staged = () => queries.some((sql) => sql.includes('flywheel_stage_'));
		const head = longFile(5_000);
		// Non-ASCII at field edges and a padded number: suspect bytes, texts already trimmed.
		const clean = head + '2024-01-05,Café,"Zürich",  7\n';
		const first = await ingestFiles(watched, [{ name: 'cafe.csv', data: utf8(clean) }]);
		expect(first.files[0]).toMatchObject({ rowsRead: 5_001, rowsLoaded: 5_001 });
		expect(staged()).toBe(false);
		expect(queries.some((sql) => sql.includes('<> trim('))).toBe(true);
		expect(
			await values(`SELECT metric, segment, value FROM observations WHERE source_line = 5002`)
		).toEqual({ metric: ['Café'], segment: ['Zürich'], value: [7] });

		// A metric name and a segment `trim` would change, past the sample: the full path trims them.
		await engine.query('DROP TABLE observations');
		queries.length = 0;
		const padded = head + '2024-01-05, m1 ,\u00a0s1,7\n';
		const second = await ingestFiles(watched, [{ name: 'padded.csv', data: utf8(padded) }]);
		expect(second.files[0]).toMatchObject({ rowsRead: 5_001, rowsLoaded: 5_001 });
		expect(staged()).toBe(true);
		expect(
			await values(`SELECT metric, segment, value FROM observations WHERE source_line = 5002`)
		).toEqual({ metric: ['m1'], segment: ['s1'], value: [7] });
	});

	it('leaves a row too short or too long, past the sample, to the full path', async () => {
		const file = longFile(5_000) + '2024-01-05,m1,s1\n' + '2024-01-06,m1,s1,2,9\n';
		const { files } = await ingestFiles(engine, [{ name: 'ragged.csv', data: utf8(file) }]);
		expect(files[0]).toMatchObject({ rowsRead: 5_002, rowsLoaded: 5_000, rowsRejected: 2 });
		expect(files[0]?.rejected.map((r) => r.line)).toEqual([5_002, 5_003]);
	});
});

describe('FieldEdges', () => {
	const suspect = (delimiter: string, ...slices: string[]) => {
		const edges = new FieldEdges(delimiter);
		for (const slice of slices) edges.push(utf8(slice));
		return edges.suspect;
	};

	it('finds a space or a non-ASCII byte next to a delimiter, quote or line end', () => {
		expect(suspect(',', 'a,b,c\n1,2,3\n')).toBe(false);
		expect(suspect(',', 'a b,c d\n')).toBe(false);
		expect(suspect(',', 'a ,b\n')).toBe(true);
		expect(suspect(',', 'a, b\n')).toBe(true);
		expect(suspect(',', 'a,b \r\n')).toBe(true);
		expect(suspect(',', 'a,"b "\n')).toBe(true);
		expect(suspect(',', 'a,\u00a0b\n')).toBe(true);
		expect(suspect(',', 'a,é\n')).toBe(true);
		expect(suspect(';', 'a, b;c\n')).toBe(false);
		expect(suspect('\t', 'a\t b\n')).toBe(true);
	});

	it('sees edges across slices and at the start and end of the file', () => {
		expect(suspect(',', 'a,b ', ',c\n')).toBe(true);
		expect(suspect(',', 'a,b', ' c\n')).toBe(false);
		expect(suspect(',', ' a,b\n')).toBe(true);
		expect(suspect(',', 'a,b\nc,d ')).toBe(true);
		expect(suspect(',', 'a,b\nc,d')).toBe(false);
	});
});
