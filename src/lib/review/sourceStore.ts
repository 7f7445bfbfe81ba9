/**
 * The review's data, aggregated once per loaded data and set of sources (metric names with their
 * segment filters): each source's days in a temp table, and its weekly and monthly buckets in
 * memory, as flat arrays of sources × periods. Every number of every review of any week is
 * composed from these (./periodValues.ts): a week or a month is one bucket, a span to date its
 * whole months plus the days of the month under way, read from the days table in one small query.
 *
 * Work and memory grow with sources × days: nothing here is per week ending or per comparison.
 */
import { numbers, strings } from '../engine/columns';
import type { Engine, QueryResult } from '../engine/types';
import type { MetricSource, Weekday } from '../metrics/types';
import { isoDay } from '../periods/epochDays';
import { grainsSql, type Grain } from '../periods/grain';
import { weekdayNumber, weekEndingOnOrBefore } from '../periods/weekEnding';
import { sourceKey, sourceObservationsSql } from './sources';

/** Aggregates of one source over some days; `dates` 0 means no value at all. */
export interface Aggregate {
	/** Distinct dates with a value. */
	dates: number;
	/** Values (a day with several segments has several). */
	n: number;
	sum: number;
	min: number;
	max: number;
	/** The first and last value in date order (then the file's line order). */
	first: number;
	last: number;
}

const MEASURES = ['dates', 'n', 'sum', 'min', 'max', 'first', 'last'] as const;

/** Aggregates of every source over a list of keys (week ends, months or date ranges), flat. */
export class Grid {
	readonly #index = new Map<number, number>();
	readonly measures: Record<(typeof MEASURES)[number], Float64Array>;

	constructor(
		readonly sourceCount: number,
		keys: Iterable<number>
	) {
		for (const key of keys) if (!this.#index.has(key)) this.#index.set(key, this.#index.size);
		const size = sourceCount * this.#index.size;
		this.measures = Object.fromEntries(
			MEASURES.map((m) => [m, new Float64Array(size)])
		) as Grid['measures'];
	}

	/** The cell of `source` and `key`, or -1 when the grid has no such key. */
	cell(source: number, key: number): number {
		const index = this.#index.get(key);
		return index === undefined ? -1 : source * this.#index.size + index;
	}

	/** Fills cells from a query's columns `source`, `key` and the measures. */
	fill(result: QueryResult, rows?: (row: number) => boolean): void {
		const sources = numbers(result, 'source');
		const keys = numbers(result, 'key');
		const columns = MEASURES.map((m) => numbers(result, m));
		for (let row = 0; row < result.rowCount; row++) {
			if (rows && !rows(row)) continue;
			const cell = this.cell(sources[row] ?? 0, keys[row] ?? 0);
			if (cell < 0) continue;
			MEASURES.forEach((m, i) => (this.measures[m][cell] = columns[i]?.[row] ?? 0));
		}
	}
}

/** A days table's aggregates over `group` (SQL over its columns), as the Grid's columns. */
function aggregatesSql(group: string): string {
	return `count(*) AS dates, CAST(sum(d.n) AS DOUBLE) AS n, fsum(d.sum) AS sum, min(d.min) AS min,
  max(d.max) AS max, arg_min(d.first, d.day) AS first, arg_max(d.last, d.day) AS last ${group}`;
}

let tableCount = 0;

export class SourceStore {
	readonly #index = new Map<string, number>();

	private constructor(
		readonly sources: MetricSource[],
		readonly table: string,
		/** Each source's grain and, for a weekly one, its weekday (Sunday = 0). */
		readonly grains: { grain: Grain; weekday: number }[],
		/** Buckets by week end (a day number) and by month number (../periods/epochDays.ts). */
		readonly weeks: Grid,
		readonly months: Grid,
		/** The review's weekday, Sunday = 0. */
		readonly weekday: number
	) {
		sources.forEach((source, index) => this.#index.set(sourceKey(source), index));
	}

	/** The store's index of `source`, or undefined when it does not hold it. */
	indexOf(source: MetricSource): number | undefined {
		return this.#index.get(sourceKey(source));
	}

	holds(sources: MetricSource[]): boolean {
		return sources.every((source) => this.#index.has(sourceKey(source)));
	}

	/** Aggregates the store's sources, with weeks ending on `weekday`. */
	static async build(
		engine: Engine,
		wanted: MetricSource[],
		weekday: Weekday
	): Promise<SourceStore> {
		const sources = [...new Map(wanted.map((s) => [sourceKey(s), s])).values()];
		const table = `flywheel_days_${++tableCount}`;
		// Each source's days, in date order so a range's days are a few row groups.
		await engine.query(`CREATE TEMP TABLE ${table} AS
SELECT source, date, CAST(date - DATE '1970-01-01' AS INTEGER) AS day, count(*) AS n, fsum(value) AS sum,
  min(value) AS min, max(value) AS max, arg_min(value, ord) AS first, arg_max(value, ord) AS last
FROM (${sourceObservationsSql(sources)}) GROUP BY source, date ORDER BY date, source`);
		try {
			const grainRows = await engine.query(
				`SELECT source, grain, weekday FROM (${grainsSql(`(SELECT source, date FROM ${table})`, 'source')})`
			);
			const grains = sources.map(() => ({ grain: 'day' as Grain, weekday: 0 }));
			const grainOf = strings(grainRows, 'grain');
			const weekdayOf = numbers(grainRows, 'weekday');
			numbers(grainRows, 'source').forEach((source, row) => {
				if (source === null) return;
				grains[source] = { grain: (grainOf[row] ?? 'day') as Grain, weekday: weekdayOf[row] ?? 0 };
			});
			const weekEnd = weekEndingOnOrBefore('d.date + 6', weekday);
			const buckets = await engine.query(
				`SELECT 0 AS kind, d.source, CAST(${weekEnd} - DATE '1970-01-01' AS INTEGER) AS key, ${aggregatesSql(`FROM ${table} d GROUP BY d.source, key`)}
UNION ALL
SELECT 1 AS kind, d.source, year(d.date) * 12 + month(d.date) - 1 AS key, ${aggregatesSql(`FROM ${table} d GROUP BY d.source, key`)}`
			);
			const kinds = numbers(buckets, 'kind');
			const keys = numbers(buckets, 'key');
			const keysOf = (kind: number) =>
				[...new Set(keys.filter((_, row) => kinds[row] === kind) as number[])].sort(
					(a, b) => a - b
				);
			const weeks = new Grid(sources.length, keysOf(0));
			weeks.fill(buckets, (row) => kinds[row] === 0);
			const months = new Grid(sources.length, keysOf(1));
			months.fill(buckets, (row) => kinds[row] === 1);
			return new SourceStore(sources, table, grains, weeks, months, weekdayNumber(weekday));
		} catch (error) {
			await engine.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
			throw error;
		}
	}

	/**
	 * Aggregates of the sources `only` (default: all) over date ranges (day numbers, inclusive),
	 * keyed by the range's index in `ranges`.
	 */
	async ranges(
		engine: Engine,
		ranges: { start: number; end: number }[],
		only?: number[]
	): Promise<Grid> {
		const grid = new Grid(this.sources.length, ranges.keys());
		if (ranges.length === 0 || only?.length === 0) return grid;
		const values = ranges.map((r, k) => `(${k}, ${r.start}, ${r.end})`).join(', ');
		// Both bounds as a filter too, so the scan skips the row groups outside every range.
		const within = ranges.map((r) => `d.day BETWEEN ${r.start} AND ${r.end}`).join(' OR ');
		const sources = only ? ` AND d.source IN (${only.join(', ')})` : '';
		const result = await engine.query(
			`SELECT r.key, d.source, ${aggregatesSql(`FROM ${this.table} d JOIN (VALUES ${values}) r(key, start, "end")
  ON d.day BETWEEN r.start AND r."end" WHERE (${within})${sources} GROUP BY r.key, d.source`)}`
		);
		grid.fill(result);
		return grid;
	}

	/** The first and last day with a value of each source (null without any), as ISO dates. */
	async spans(engine: Engine): Promise<{ first: string | null; last: string | null }[]> {
		const result = await engine.query(
			`SELECT source, min(day) AS first, max(day) AS last FROM ${this.table} GROUP BY source`
		);
		const spans = this.sources.map(() => ({
			first: null as string | null,
			last: null as string | null
		}));
		const first = numbers(result, 'first');
		const last = numbers(result, 'last');
		numbers(result, 'source').forEach((source, row) => {
			const span = source === null ? undefined : spans[source];
			if (span) {
				span.first = isoDay(first[row] ?? 0);
				span.last = isoDay(last[row] ?? 0);
			}
		});
		return spans;
	}

	async drop(engine: Engine): Promise<void> {
		await engine.query(`DROP TABLE IF EXISTS ${this.table}`);
	}
}
