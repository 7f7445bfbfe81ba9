/**
 * The sources a store reads, passed to DuckDB as parameters (`SourceParams`) or, for a name that
 * holds the parameters' separator, as a VALUES table: both read exactly the observations of each
 * metric name and segment filter, whatever characters the names hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import type { MetricSource } from '../metrics/types';
import { epochDay } from '../periods/epochDays';
import { createObservationsTable, OBSERVATIONS } from '../store/observations';
import { SourceStore } from './sourceStore';

const NAMES = ['', 'a', 'x,y', "it's", 'unit\u001fseparator', 'tab\there', '  spaced  '];
const REGIONS = ['North', 'South'];
const FIRST = epochDay('2025-01-01');
const DAYS = 60;

/** The value of metric `m`, region `r`, day `d`: distinct for every cell, so a mix-up shows. */
const valueOf = (m: number, r: number, d: number) => 1000 * m + 100 * r + d;

let engine: Engine;

beforeAll(async () => {
	engine = await startNodeEngine();
	await createObservationsTable(engine);
	await engine.query(`ALTER TABLE ${OBSERVATIONS} ADD COLUMN region VARCHAR`);
	const rows: string[] = [];
	NAMES.forEach((name, m) =>
		REGIONS.forEach((region, r) => {
			for (let d = 0; d < DAYS; d++) {
				const metric = `'${name.replaceAll("'", "''")}'`;
				rows.push(
					`(DATE '2025-01-01' + ${d}, ${metric}, ${valueOf(m, r, d)}, 'f.csv', ${rows.length + 2}, '${region}')`
				);
			}
		})
	);
	await engine.query(
		`INSERT INTO ${OBSERVATIONS} (date, metric, value, source_file, source_line, region) VALUES ${rows.join(', ')}`
	);
});

afterAll(() => engine.close());

describe('a store of sources with any names', () => {
	const sources: MetricSource[] = NAMES.flatMap((metric) => [
		{ metric },
		{ metric, filter: { region: 'South' } }
	]);

	it('reads each name and filter over date ranges, by parameters or a VALUES table', async () => {
		const store = await SourceStore.build(engine, { sources, ordered: sources }, 'saturday');
		const ranges = [
			{ start: FIRST + 3, end: FIRST + 9 },
			{ start: FIRST + 40, end: FIRST + 40 }
		];
		const grid = await store.ranges(engine, ranges);
		sources.forEach((source, s) => {
			const m = NAMES.indexOf(source.metric);
			const regions = source.filter ? [1] : [0, 1];
			ranges.forEach((range, key) => {
				let sum = 0;
				let n = 0;
				for (const r of regions) {
					for (let day = range.start; day <= range.end; day++) {
						sum += valueOf(m, r, day - FIRST);
						n++;
					}
				}
				const cell = grid.cell(s, key);
				expect([source.metric, key, grid.measures.sum[cell], grid.measures.n[cell]]).toEqual([
					source.metric,
					key,
					sum,
					n
				]);
				// `last` follows the date, then the file's line: the last region's last day.
				expect(grid.measures.last[cell]).toBe(valueOf(m, 1, range.end - FIRST));
			});
		});
	});

	it('buckets each name and filter into weeks, in whatever order it is asked for', async () => {
		const reversed = [...sources].reverse();
		const store = await SourceStore.build(engine, { sources: reversed, ordered: [] }, 'saturday');
		// The week ending Saturday 11 January 2025: days 4 to 10 of the data.
		const week = epochDay('2025-01-11');
		for (const source of reversed) {
			const m = NAMES.indexOf(source.metric);
			let sum = 0;
			for (const r of source.filter ? [1] : [0, 1])
				for (let d = 4; d <= 10; d++) sum += valueOf(m, r, d);
			const cell = store.weeks.cell(store.indexOf(source) ?? -1, week);
			expect([source.metric, source.filter, store.weeks.measures.sum[cell]]).toEqual([
				source.metric,
				source.filter,
				sum
			]);
		}
	});
});
