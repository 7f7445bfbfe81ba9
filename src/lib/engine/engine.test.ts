import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, numericColumn, numbers, strings } from './columns';
import { startNativeEngine } from './native';
import { startNodeEngine } from './node';
import type { Engine } from './types';

// The same SQL must give the same cells on DuckDB-WASM (the browser's DuckDB, here its Node
// build) and on native DuckDB (the command line's).
const ENGINES = [
	{ name: 'DuckDB-WASM, Node build', start: startNodeEngine },
	{ name: 'native DuckDB', start: startNativeEngine }
];

describe.each(ENGINES)('engine on real DuckDB ($name)', ({ start }) => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await start();
	});
	afterAll(async () => {
		await engine.close();
	});

	it('returns columns of plain values, with sum() of integers as a number', async () => {
		// 0 + 1 + ... + 9 = 45; DuckDB types this sum as HUGEINT.
		const r = await engine.query('SELECT sum(x) AS total, count(*) AS n FROM range(10) t(x)');
		expect(r.names).toEqual(['total', 'n']);
		expect(r.rowCount).toBe(1);
		expect(numbers(r, 'total')).toEqual([45]);
		expect(numbers(r, 'n')).toEqual([10]);
	});

	it('keeps nulls as null, never 0', async () => {
		const r = await engine.query(
			'SELECT * FROM (VALUES (1, 2.5), (2, NULL), (3, 0.0)) t(id, v) ORDER BY id'
		);
		expect(numbers(r, 'v')).toEqual([2.5, null, 0]);
	});

	it('turns DATE and TIMESTAMP into ISO strings, independent of time zone', async () => {
		const r = await engine.query(
			"SELECT DATE '2024-02-29' AS d, TIMESTAMP '2024-03-31 23:59:58' AS ts, 12.345::DECIMAL(6,3) AS dec"
		);
		expect(strings(r, 'd')).toEqual(['2024-02-29']);
		expect(strings(r, 'ts')).toEqual(['2024-03-31 23:59:58']);
		expect(numbers(r, 'dec')).toEqual([12.345]);
	});

	it('hands a number column over as numbers, nulls kept as null (numericColumn)', async () => {
		const r = await engine.query(
			`SELECT range::DOUBLE / 4 AS quarter, range::INTEGER AS i, range::BIGINT * 3 AS big,
			        CASE WHEN range = 1 THEN NULL ELSE range END AS gap
			 FROM range(3000)`
		);
		// 3,000 rows: more than one of DuckDB's 2,048-row chunks.
		expect(Array.from(numericColumn(r, 'quarter')).slice(2998)).toEqual([749.5, 749.75]);
		expect(Array.from(numericColumn(r, 'i'))).toEqual(numbers(r, 'i'));
		expect(Array.from(numericColumn(r, 'big')).slice(0, 3)).toEqual([0, 3, 6]);
		expect(Array.from(numericColumn(r, 'big')).at(-1)).toBe(8997);
		expect(Array.from(numericColumn(r, 'gap')).slice(0, 3)).toEqual([0, null, 2]);
	});

	it('binds positional parameters, a number as a DOUBLE', async () => {
		const r = await engine.query('SELECT ?::INTEGER + 1 AS y, upper(?) AS z, typeof(?) AS t', [
			41,
			'week',
			7
		]);
		expect(numbers(r, 'y')).toEqual([42]);
		expect(strings(r, 'z')).toEqual(['WEEK']);
		expect(strings(r, 't')).toEqual(['DOUBLE']);
	});

	it('reads a registered CSV file, from text, bytes or a Blob', async () => {
		await engine.registerFile('t.csv', 'date,value\n2024-01-01,3\n2024-01-02,4\n');
		const r = await engine.query("SELECT sum(value)::DOUBLE AS s FROM read_csv('t.csv')");
		expect(numbers(r, 's')).toEqual([7]);
		await engine.registerFile('b.csv', new TextEncoder().encode('a\n5\n'));
		expect(numbers(await engine.query("SELECT a FROM 'b.csv'"), 'a')).toEqual([5]);
		await engine.registerFile('c.csv', new Blob(['a\n6\n']));
		expect(numbers(await engine.query("SELECT a FROM 'c.csv'"), 'a')).toEqual([6]);
		await engine.dropFile('b.csv');
		await expect(engine.query("SELECT a FROM 'b.csv'")).rejects.toThrow();
	});

	it('fails fast, without a download, on a function that needs an extension', async () => {
		// Native DuckDB links ICU in (`current_date` works there); neither build has spatial.
		await expect(engine.query('SELECT ST_Point(1, 2)')).rejects.toThrow(/spatial/);
	});

	it('names the missing column when a caller asks for one', async () => {
		const r = await engine.query('SELECT 1 AS a');
		expect(() => column(r, 'b')).toThrow(/no column "b".*a/);
	});
});
