/**
 * The progress bar's arithmetic (each file's part by size, each stage's part by `STAGE_COST`) and
 * how a running query's progress moves it: a clean file's one-pass load is one query, and DuckDB's
 * estimate of that query is the `reading` stage's share done.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine, QueryProgress } from '../engine/types';
import { ingestFiles } from './ingest';
import { FileProgress, STAGE_COST } from './progress';
import type { IngestProgress } from './types';

const file = { name: 'a.csv', index: 0, count: 1 };

describe('FileProgress and a query that reports its progress', () => {
	it('moves a one-pass load through its whole part of the bar', () => {
		const seen: IngestProgress[] = [];
		// The second of two files of the same size: the bar's second half.
		const progress = new FileProgress((p) => seen.push(p), { ...file, index: 1, count: 2 }, 0.5, 1);
		progress.plan(['reading']);
		progress.enter('reading');
		// DuckDB-WASM's reports for a 1M-row read_csv INSERT go 9.93 %, 19.87 %, ... 95.45 %.
		progress.query({ fraction: 0.4975 });
		expect(seen.at(-1)).toMatchObject({ stage: 'reading', fileIndex: 1 });
		expect(seen.at(-1)?.done).toBeCloseTo(0.5 + 0.5 * 0.4975, 9);
		progress.query({ fraction: 0.9545 });
		expect(seen.at(-1)?.done).toBeCloseTo(0.97725, 9);
		progress.finish();
		expect(seen.at(-1)?.done).toBe(1);
	});

	it('gives a transcoded file the reading stage by its cost, after decoding', () => {
		const seen: number[] = [];
		const progress = new FileProgress((p) => seen.push(p.done), file);
		progress.plan(['decoding', 'reading']);
		progress.enter('decoding');
		progress.bytes(100, 100);
		progress.enter('reading');
		progress.query({ fraction: 0.5 });
		// decoding 13 and reading 20 of 33: half of reading is (13 + 10) / 33.
		const total = STAGE_COST.decoding + STAGE_COST.reading;
		expect(seen.at(-1)).toBeCloseTo((STAGE_COST.decoding + STAGE_COST.reading / 2) / total, 9);
	});

	it('gives the full path what is left when a one-pass load is rolled back', () => {
		const seen: number[] = [];
		const progress = new FileProgress((p) => seen.push(p.done), file);
		progress.plan(['reading']);
		progress.enter('reading');
		progress.query({ fraction: 0.6 }); // a later row is not a number: the insert fails here
		progress.plan(['reading', 'lines', 'dates', 'numbers', 'storing']);
		progress.enter('reading');
		expect(seen.at(-1)).toBe(0.6);
		progress.enter('lines');
		// reading 20 of 87 (20 + 3 + 30 + 17 + 17) of the 0.4 left.
		expect(seen.at(-1)).toBeCloseTo(0.6 + (0.4 * 20) / 87, 9);
	});

	it('never goes back, and reports only a visible step', () => {
		const seen: number[] = [];
		const progress = new FileProgress((p) => seen.push(p.done), file);
		progress.plan(['reading']);
		progress.enter('reading');
		progress.query({ fraction: 0.3 });
		progress.query({ fraction: 0.1 }); // a later query starting over
		progress.query({ fraction: 0.3005 }); // less than a pixel
		expect(seen).toEqual([0, 0.3]);
	});
});

describe('ingestFiles with an engine that reports query progress', () => {
	let node: Engine;
	/** Progress listeners subscribed now, and the queries that asked to report. */
	const listeners = new Set<(p: QueryProgress) => void>();
	const reported: string[] = [];
	/** The Node engine, reporting 25 % and 50 % of a query that asks, as the browser engine does. */
	let engine: Engine;
	beforeAll(async () => {
		node = await startNodeEngine();
		engine = {
			...node,
			async query(sql, params, options) {
				if (options?.reportProgress) {
					reported.push(sql);
					for (const fraction of [0.25, 0.5]) for (const l of listeners) l({ fraction });
				}
				return node.query(sql, params);
			},
			onQueryProgress(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			}
		};
	});
	afterAll(async () => node.close());
	beforeEach(async () => {
		reported.length = 0;
		await node.query('DROP TABLE IF EXISTS observations');
	});

	const utf8 = (text: string) => new TextEncoder().encode(text);
	const clean = (metric: string, rows: number) =>
		[
			'date,metric,value',
			...Array.from({ length: rows }, (_, i) => `2024-01-01,${metric}${i},${i}`)
		].join('\n') + '\n';

	it('moves a clean file through its one-pass load with the insert’s progress', async () => {
		const seen: IngestProgress[] = [];
		const { files } = await ingestFiles(
			engine,
			[
				{ name: 'a.csv', data: utf8(clean('a', 10)) },
				{ name: 'b.csv', data: utf8(clean('b', 10)) }
			],
			{ onProgress: (p) => seen.push(p) }
		);
		expect(files.map((f) => f.rowsLoaded)).toEqual([10, 10]);
		// One query per file asks: its INSERT. Two small files of equal part: a half of the bar each.
		expect(reported).toHaveLength(2);
		expect(reported.every((sql) => sql.includes('INSERT INTO observations'))).toBe(true);
		const done = seen.map((p) => [p.fileIndex, p.stage, p.done]);
		expect(done).toEqual([
			[0, 'reading', 0],
			[0, 'reading', 0.125],
			[0, 'reading', 0.25],
			[0, 'reading', 0.5],
			[1, 'reading', 0.5],
			[1, 'reading', 0.625],
			[1, 'reading', 0.75],
			[1, 'reading', 1]
		]);
		expect(listeners.size).toBe(0);
	});

	it('listens to no query when nobody listens to the load', async () => {
		await ingestFiles(engine, [{ name: 'a.csv', data: utf8(clean('a', 3)) }]);
		expect(listeners.size).toBe(0);
	});
});
