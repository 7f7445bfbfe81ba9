/**
 * Native DuckDB (the command line's engine) against DuckDB-WASM (the browser's, here its Node
 * build): the same cells for the same SQL, and the same review JSON for the WBR App's scenarios
 * (../shared/peers/wbr-app, read in place, as in ../review/wbrAppScenarios.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { loadReviewConfig } from '../metrics/config';
import { buildReview } from '../review/buildReview';
import { numbers, strings } from './columns';
import { startNativeEngine } from './native';
import { startNodeEngine } from './node';
import type { Cell, Engine } from './types';

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
	[wasm, native] = await Promise.all([startNodeEngine(), startNativeEngine()]);
});
afterAll(async () => {
	await Promise.all([wasm.close(), native.close()]);
});

/** Each engine's cells for `sql`, as [wasm, native]. */
async function bothCells(sql: string): Promise<[Record<string, Cell[]>, Record<string, Cell[]>]> {
	const [a, b] = await Promise.all([wasm.query(sql), native.query(sql)]);
	expect(b.names).toEqual(a.names);
	expect(b.rowCount).toBe(a.rowCount);
	return [a.columns, b.columns];
}

/** Where two column sets differ, cell by cell (`Object.is`: -0, NaN and the last bit count). */
function cellDifferences(a: Record<string, Cell[]>, b: Record<string, Cell[]>): string[] {
	const found: string[] = [];
	for (const [name, cells] of Object.entries(a)) {
		cells.forEach((cell, row) => {
			const other = b[name]?.[row];
			if (!Object.is(cell, other)) found.push(`${name}[${row}]: ${cell} (WASM), ${other} (native)`);
		});
	}
	return found;
}

/** Decimal text of `digits` digits, `scale` of them after the point, from a seeded generator. */
function decimals(count: number, width: number, scale: number): string[] {
	let seed = width * 100 + scale;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const digit = () => String(Math.floor(next() * 10));
	return Array.from({ length: count }, () => {
		const whole = 1 + Math.floor(next() * (width - scale));
		let text = (next() < 0.5 ? '-' : '') + String(1 + Math.floor(next() * 9));
		for (let i = 1; i < whole; i++) text += digit();
		if (scale > 0) text += '.';
		for (let i = 0; i < scale; i++) text += digit();
		return text;
	});
}

describe('native DuckDB answers with the cells DuckDB-WASM does', () => {
	it('for every scalar type the app reads, nulls included', async () => {
		const [a, b] = await bothCells(`SELECT
			x::TINYINT AS tinyint, x::SMALLINT AS smallint, x::INTEGER AS integer,
			(x * 9007199254740993)::BIGINT AS bigint, x::UBIGINT * 4611686018427387903 AS ubigint,
			(x * 170141183460469231731687303715884105)::HUGEINT AS hugeint,
			x::UTINYINT AS utinyint, x::USMALLINT AS usmallint, x::UINTEGER AS uinteger,
			(x / 3)::FLOAT AS float, x / 3 AS double, -0.0 * x AS minus_zero,
			(x / 7)::DECIMAL(4,1) AS dec4, (x / 7)::DECIMAL(18,6) AS dec18, (x / 7)::DECIMAL(38,10) AS dec38,
			DATE '2024-02-28' + x::INTEGER AS date, TIMESTAMP '2024-03-31 23:59:58.999' + INTERVAL (x) HOUR AS timestamp,
			TIMESTAMPTZ '2024-01-01 01:02:03+00' AS timestamptz, TIME '01:02:03' AS time,
			'wk ' || x AS varchar, x % 2 = 0 AS boolean, 'a'::ENUM('a', 'b') AS enum,
			'3ba3b1a2-6e1b-4b55-8d33-000000000000'::UUID AS uuid, '\\x41\\x42'::BLOB AS blob,
			'NaN'::DOUBLE AS nan, 'inf'::DOUBLE AS inf, NULL AS untyped_null
		FROM (SELECT CASE WHEN range = 2 THEN NULL ELSE range END AS x FROM range(5))`);
		expect(cellDifferences(a, b)).toEqual([]);
		expect(b['date']).toEqual(['2024-02-28', '2024-02-29', null, '2024-03-02', '2024-03-03']);
		// 1/7 as DECIMAL(18,6) is 0.142857, and comes over as 142857 * 1e-6 (see the next test).
		expect(b['dec18']?.[1]).toBe(0.14285699999999998);
	});

	it('for DECIMAL of every width, the browser’s rounding to the last bit', async () => {
		// DuckDB-WASM turns a DECIMAL into a number by Arrow's arithmetic (the magnitude times
		// 10^-scale), not DuckDB's CAST (a division): -0.3 comes over as -0.30000000000000004.
		for (const [width, scale] of [
			[4, 1],
			[9, 4],
			[18, 2],
			[18, 6],
			[18, 17],
			[38, 0],
			[38, 10],
			[38, 20]
		] as const) {
			const values = decimals(2000, width, scale);
			const list = values.map((v) => `'${v}'`).join(', ');
			const [a, b] = await bothCells(
				`SELECT v::DECIMAL(${width},${scale}) AS d, v::HUGEINT AS h FROM unnest([${list}]) t(v)`
			);
			expect(cellDifferences(a, b), `DECIMAL(${width},${scale})`).toEqual([]);
		}
		const [, b] = await bothCells('SELECT -0.3::DECIMAL(4,1) AS d');
		expect(b['d']).toEqual([-0.30000000000000004]);
	});

	it('keeps a number column without nulls as one typed array, as the WASM build does', async () => {
		const sql =
			'SELECT range::DOUBLE AS x, range::BIGINT AS n, NULLIF(range, 1) AS gap FROM range(3000)';
		const [a, b] = await Promise.all([wasm.query(sql), native.query(sql)]);
		expect(b.numeric?.['x']).toBeInstanceOf(Float64Array);
		expect(Array.from(b.numeric?.['x'] ?? [])).toEqual(Array.from(a.numeric?.['x'] ?? []));
		expect(Array.from(b.numeric?.['n'] ?? [])).toEqual(b.columns['n']);
		expect(b.numeric?.['gap']).toBeUndefined();
	});

	it('differs only where the WASM build has no plain value to give', async () => {
		const [a, b] = await bothCells(`SELECT 340282366920938463463374607431768211455::UHUGEINT AS u,
			INTERVAL 3 DAY AS i, [1, 2] AS l, {'a': 1} AS s`);
		// The WASM build hands these over as Arrow's text of their bytes or nested values.
		expect(a).toEqual({
			u: ['255,255,255,255,255,255,255,255,255,255,255,255,255,255,255,255'],
			i: ['0,0'],
			l: ['[1,2]'],
			s: ['{"a": 1}']
		});
		expect(b).toEqual({ u: [3.402823669209385e38], i: ['3 days'], l: ['[1, 2]'], s: ["{'a': 1}"] });
	});
});

const SCENARIOS = path.resolve('../shared/peers/wbr-app');

/** Every WBR App example: scenarios 1-9 and the two demo uploads, as [name, csv, config]. */
const WBR_APP_REVIEWS: [string, string, string][] = [
	...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): [string, string, string] => [
		`scenario ${n}`,
		path.join(SCENARIOS, `scenario_${n}`, 'original.csv'),
		path.join(SCENARIOS, `scenario_${n}`, 'config.yaml')
	]),
	[
		'demo upload 1',
		path.join(SCENARIOS, 'demo_uploads/1-wbr-sample-dataset.csv'),
		path.join(SCENARIOS, 'demo_uploads/1-wbr-sample-config.yaml')
	],
	[
		'demo upload 2',
		path.join(SCENARIOS, 'demo_uploads/2-wbr-sample-dataset-with-filter.csv'),
		path.join(SCENARIOS, 'demo_uploads/2-wbr-sample-config-with-filter.yaml')
	]
];

/** The review JSON of one CSV and configuration, as `flywheel review --json` prints it. */
async function reviewJson(engine: Engine, csv: string, configFile: string): Promise<unknown> {
	await engine.query('DROP TABLE IF EXISTS observations');
	const data = new Uint8Array(readFileSync(csv));
	const ingested = await ingestFiles(engine, [{ name: path.basename(csv), data }]);
	expect(ingested.files[0]?.error).toBeUndefined();
	const config = loadReviewConfig(readFileSync(configFile, 'utf8'), path.basename(configFile));
	return JSON.parse(JSON.stringify(await buildReview(engine, config)));
}

/**
 * Where two review JSONs differ: numbers may differ by 1e-9 relative (native DuckDB sums in
 * parallel, so in another order), anything else must be equal, and null stays null.
 */
function reviewDifferences(a: unknown, b: unknown, at = ''): string[] {
	if (typeof a === 'number' && typeof b === 'number') {
		const scale = Math.max(Math.abs(a), Math.abs(b));
		return Math.abs(a - b) <= 1e-9 * scale ? [] : [`${at}: ${a} (WASM), ${b} (native)`];
	}
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
		return a === b ? [] : [`${at}: ${JSON.stringify(a)} (WASM), ${JSON.stringify(b)} (native)`];
	}
	if (Array.isArray(a) !== Array.isArray(b)) return [`${at}: an array on one engine only`];
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].flatMap((key) =>
		reviewDifferences(
			(a as Record<string, unknown>)[key],
			(b as Record<string, unknown>)[key],
			`${at}.${key}`
		)
	);
}

describe('the WBR App examples reviewed on both engines', () => {
	for (const [name, csv, config] of WBR_APP_REVIEWS) {
		it(`${name}: the same review JSON`, async () => {
			const [a, b] = await Promise.all([
				reviewJson(wasm, csv, config),
				reviewJson(native, csv, config)
			]);
			expect(reviewDifferences(a, b)).toEqual([]);
			expect(JSON.stringify(b).length).toBeGreaterThan(1000);
		});
	}
});

describe('native DuckDB beyond its memory', () => {
	it('spills to its scratch folder, and removes the folder on close', async () => {
		const engine = await startNativeEngine();
		const [spill] = strings(
			await engine.query("SELECT current_setting('temp_directory') AS d"),
			'd'
		);
		expect(path.dirname(path.dirname(spill ?? ''))).toBe(tmpdir());
		await engine.query("SET memory_limit = '40MB'");
		// 2,000,000 rows of a BIGINT and a 32-character string: over 100 MB, beyond the limit.
		await engine.query(
			'CREATE TABLE big AS SELECT range AS x, md5(range::VARCHAR) AS s FROM range(2000000)'
		);
		const r = await engine.query(
			'SELECT count(*) AS n, sum(x) AS total, sum(length(s)) AS characters FROM big'
		);
		// 0 + 1 + ... + 1,999,999 = 1,999,999 * 2,000,000 / 2.
		expect([r.columns['n'], r.columns['total'], r.columns['characters']]).toEqual([
			[2_000_000],
			[1_999_999_000_000],
			[64_000_000]
		]);
		const spilled = await engine.query(
			'SELECT sum(temporary_storage_bytes) AS bytes FROM duckdb_memory()'
		);
		expect(numbers(spilled, 'bytes')[0]).toBeGreaterThan(0);
		await engine.close();
		expect(existsSync(path.dirname(spill ?? ''))).toBe(false);
	});
});
