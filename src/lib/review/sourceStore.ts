/**
 * The review's data, aggregated once per loaded data and set of sources (metric names with their
 * segment filters): each source's weekly and monthly buckets, in memory as flat arrays of
 * sources × buckets, from one scan of the store. Every number of every review of any week is
 * composed from these (./periodValues.ts): a week or a month is one bucket, a span to date its
 * whole months plus the days of the month under way, read from the store in one small query.
 *
 * A bucket keeps a mask of the days it has values on (bit `d` for weekday `d` in a week, bit
 * `k - 1` for the `k`th of a month), so its count of distinct dates and each source's grain
 * (../periods/grain.ts) come without a second pass. Work and memory grow with sources × days:
 * nothing here is per week ending or per comparison, and DuckDB keeps no table of it.
 */
import { numericColumn } from '../engine/columns';
import type { Engine, QueryResult } from '../engine/types';
import type { MetricSource, Weekday } from '../metrics/types';
import { isoDay, monthFirstDay, monthLastDay } from '../periods/epochDays';
import { grainOf, type Grain } from '../periods/grain';
import { weekdayNumber } from '../periods/weekEnding';
import { nextTask } from './nextTask';
import type { StoreNeeds } from './reviewMetrics';
import { bucketsSql, storeFromBucketsSql } from './bucketTable';
import { SourceParams, sourceKey, sourceObservationsSql } from './sources';

/** Answers of `ranges` kept per store: a few weeks' days of both views. */
const KEPT_RANGES = 8;

const MEASURES = ['dates', 'n', 'sum', 'min', 'max', 'first', 'last', 'mask'] as const;

/** Aggregates of every source over a list of keys (week ends, months or date ranges), flat. */
export class Grid {
	/**
	 * Per cell: distinct `dates` with a value (0: no value at all), values `n` (a day with several
	 * segments has several), their `sum`, `min` and `max`, the `first` and `last` in date order
	 * (then the file's line order), and the days' `mask`.
	 */
	readonly measures: Record<(typeof MEASURES)[number], Float64Array>;
	/** Each key's index, by key minus the smallest key (-1: not a key of the grid). */
	readonly #index: Int32Array;
	readonly #first: number;
	readonly #width: number;

	constructor(
		readonly sourceCount: number,
		/** Ascending. */
		readonly keys: number[]
	) {
		this.#first = keys[0] ?? 0;
		this.#index = new Int32Array(keys.length ? (keys.at(-1) ?? 0) - this.#first + 1 : 0).fill(-1);
		keys.forEach((key, i) => (this.#index[key - this.#first] = i));
		this.#width = keys.length;
		const size = sourceCount * keys.length;
		this.measures = Object.fromEntries(
			MEASURES.map((m) => [m, new Float64Array(size)])
		) as Grid['measures'];
	}

	/** The cell of `source` and `key`, or -1 when the grid has no such key. */
	cell(source: number, key: number): number {
		const index = this.#index[key - this.#first] ?? -1;
		return index < 0 ? -1 : source * this.#width + index;
	}

	/**
	 * Fills cells from a query's rows `rows` (default: all): columns `source` (the store's number
	 * of it by `sourceOf`), `key` and the measures it has. Column by column, giving the event loop
	 * a turn between them: a large store's rows take a while to convert.
	 */
	async fill(result: QueryResult, rows?: number[], sourceOf = (source: number) => source) {
		const sources = numericColumn(result, 'source');
		const keys = numericColumn(result, 'key');
		const count = rows ? rows.length : result.rowCount;
		const rowAt = (i: number) => (rows ? (rows[i] as number) : i);
		const cells = new Int32Array(count);
		for (let i = 0; i < count; i++) {
			const row = rowAt(i);
			const source = sourceOf(sources[row] ?? 0);
			cells[i] = source < 0 ? -1 : this.cell(source, keys[row] ?? 0);
		}
		for (const m of MEASURES) {
			if (!result.names.includes(m)) continue;
			// A large result converts column by column, each in a task of its own.
			if (count > 10_000) await nextTask();
			const values = numericColumn(result, m);
			const target = this.measures[m];
			for (let i = 0; i < count; i++) {
				const cell = cells[i] as number;
				if (cell >= 0) target[cell] = values[rowAt(i)] ?? 0;
			}
		}
	}
}

function bitCount(mask: number): number {
	let count = 0;
	for (let m = mask; m; m &= m - 1) count++;
	return count;
}

export class SourceStore {
	readonly #index = new Map<string, number>();
	readonly #ordered: Set<string>;
	/** The answers of `ranges`, by its arguments. */
	readonly #ranges = new Map<string, Promise<Grid>>();

	private constructor(
		readonly sources: MetricSource[],
		/** Each source's grain and, for a weekly one, its weekday (Sunday = 0). */
		readonly grains: { grain: Grain; weekday: number }[],
		/** Each source's last day with a value (a day number), null without any. */
		readonly lastDays: (number | null)[],
		/** Buckets by week end (a day number) and by month number (../periods/epochDays.ts). */
		readonly weeks: Grid,
		readonly months: Grid,
		/** The review's weekday, Sunday = 0. */
		readonly weekday: number,
		ordered: MetricSource[]
	) {
		sources.forEach((source, index) => this.#index.set(sourceKey(source), index));
		this.#ordered = new Set(ordered.map(sourceKey));
	}

	/** The store's index of `source`, or undefined when it does not hold it. */
	indexOf(source: MetricSource): number | undefined {
		return this.#index.get(sourceKey(source));
	}

	holds(needs: StoreNeeds): boolean {
		return (
			needs.sources.every((source) => this.#index.has(sourceKey(source))) &&
			needs.ordered.every((source) => this.#ordered.has(sourceKey(source)))
		);
	}

	/**
	 * Aggregates the sources `needs` names (duplicates once), with weeks ending on `weekday`: from
	 * the bucket table `buckets` when there is one (./bucketTable.ts), else from the observations.
	 */
	static async build(
		engine: Engine,
		needs: StoreNeeds,
		weekday: Weekday,
		buckets?: string
	): Promise<SourceStore> {
		const sources = [...new Map(needs.sources.map((s) => [sourceKey(s), s])).values()];
		const ending = weekdayNumber(weekday);
		const params = new SourceParams();
		const result = await engine.query(
			buckets
				? storeFromBucketsSql(sources, needs.ordered, buckets, params)
				: bucketsSql(
						sourceObservationsSql(sources, undefined, needs.ordered, params),
						['source'],
						ending,
						'ordered'
					),
			params.params
		);
		await nextTask();
		const kinds = numericColumn(result, 'kind');
		const keys = numericColumn(result, 'key');
		// Rows and distinct keys of the weeks (kind 0) and of the months (kind 1).
		const rows: [number[], number[]] = [[], []];
		const keySets = [new Set<number>(), new Set<number>()];
		for (let row = 0; row < result.rowCount; row++) {
			const kind = kinds[row] === 0 ? 0 : 1;
			rows[kind].push(row);
			keySets[kind]?.add(keys[row] ?? 0);
		}
		const [weeks, months] = keySets.map(
			(set) =>
				new Grid(
					sources.length,
					[...set].sort((a, b) => a - b)
				)
		) as [Grid, Grid];
		await weeks.fill(result, rows[0]);
		await months.fill(result, rows[1]);
		for (const grid of [weeks, months]) {
			const { dates, mask } = grid.measures;
			mask.forEach((m, cell) => (dates[cell] = bitCount(m)));
		}
		const { grains, lastDays } = summarise(sources.length, weeks, months);
		return new SourceStore(sources, grains, lastDays, weeks, months, ending, needs.ordered);
	}

	/**
	 * Aggregates of the sources `only` (default: all) over date ranges (day numbers, inclusive),
	 * keyed by the range's index in `ranges`: the days of a period no bucket holds. The last few
	 * answers are kept: both views of a week read the same days.
	 */
	ranges(engine: Engine, ranges: { start: number; end: number }[], only?: number[]): Promise<Grid> {
		const key = JSON.stringify([ranges, only ?? null]);
		let grid = this.#ranges.get(key);
		if (!grid) {
			grid = this.#readRanges(engine, ranges, only);
			grid.catch(() => this.#ranges.delete(key));
			this.#ranges.set(key, grid);
			// Oldest first: forget all but the last few.
			for (const old of [...this.#ranges.keys()].slice(0, -KEPT_RANGES)) this.#ranges.delete(old);
		}
		return grid;
	}

	async #readRanges(
		engine: Engine,
		ranges: { start: number; end: number }[],
		only?: number[]
	): Promise<Grid> {
		const grid = new Grid(this.sources.length, [...ranges.keys()]);
		const indexes = only ?? [...this.sources.keys()];
		if (ranges.length === 0 || indexes.length === 0) return grid;
		const sources = indexes.map((i) => this.sources[i] as MetricSource);
		const ordered = sources.filter((source) => this.#ordered.has(sourceKey(source)));
		// One part per range, each on the date column itself: DuckDB then reads only the row
		// groups of those days (an OR of ranges, or a day number, would make it read them all).
		// The sources are parameters, shared by the parts.
		const params = new SourceParams();
		const parts = ranges.map((r, key) => {
			const dates = `o.date BETWEEN DATE '${isoDay(r.start)}' AND DATE '${isoDay(r.end)}'`;
			return `SELECT ${key} AS key, o.source, CAST(count(DISTINCT o.date) AS DOUBLE) AS dates,
  CAST(count(*) AS DOUBLE) AS n, fsum(value) AS sum, min(value) AS min, max(value) AS max,
  coalesce(arg_min(value, ord) FILTER (WHERE ordered), 0) AS first,
  coalesce(arg_max(value, ord) FILTER (WHERE ordered), 0) AS last
FROM (${sourceObservationsSql(sources, dates, ordered, params)}) o
GROUP BY o.source`;
		});
		const result = await engine.query(parts.join('\nUNION ALL\n'), params.params);
		// The query numbers the sources it reads from 0: back to the store's numbers.
		await grid.fill(result, undefined, (local) => indexes[local] ?? -1);
		return grid;
	}
}

/** Each source's grain and last day, from its buckets' day masks. */
function summarise(
	sourceCount: number,
	weeks: Grid,
	months: Grid
): { grains: { grain: Grain; weekday: number }[]; lastDays: (number | null)[] } {
	const grains: { grain: Grain; weekday: number }[] = [];
	const lastDays: (number | null)[] = [];
	for (let source = 0; source < sourceCount; source++) {
		let weekdays = 0;
		for (const week of weeks.keys) {
			weekdays |= weeks.measures.mask[weeks.cell(source, week)] ?? 0;
		}
		let dates = 0;
		let firsts = true;
		let lasts = true;
		let lastDay: number | null = null;
		for (const month of months.keys) {
			const mask = months.measures.mask[months.cell(source, month)] ?? 0;
			if (mask === 0) continue;
			const length = monthLastDay(month) - monthFirstDay(month) + 1;
			dates += bitCount(mask);
			firsts &&= mask === 1;
			lasts &&= mask === 2 ** (length - 1);
			lastDay = monthFirstDay(month) + Math.floor(Math.log2(mask));
		}
		grains.push(grainOf({ dates, weekdays, firsts, lasts }));
		lastDays.push(lastDay);
	}
	return { grains, lastDays };
}
