/**
 * What reviews of the same data share, so a review of another week or view is a few small
 * SELECTs instead of planning the review's queries again (see weekTables.ts).
 *
 * The owner (the app's review state) keeps one per loaded data and catalog, and drops it when
 * either changes: the tables hold numbers computed from the data. Without a cache, a review
 * computes its own week alone, by the same SQL.
 */
import { literal } from '../engine/sql';
import type { Engine, QueryResult } from '../engine/types';
import type { Weekday } from '../metrics/types';
import { ONE_WEEK } from './reviewQuery';
import { WeekTables, type WeeklyQuery } from './weekTables';

/**
 * Tables kept: a review's three (its numbers, weekly and monthly history) for the two data filters
 * asked for last. On the demo, one filter's tables take about 50 MB of DuckDB's memory.
 */
const KEPT_TABLES = 6;

export class ReviewCache {
	readonly #tables = new Map<Engine, WeekTables>();
	readonly #remembered = new Map<string, Promise<unknown>>();

	/**
	 * @param metricIds metrics every review through this cache computes besides its deck's, so
	 *   that reviews of different views (decks) of one catalog run the same queries, into the same
	 *   tables.
	 */
	constructor(readonly metricIds: readonly string[] = []) {}

	tables(engine: Engine): WeekTables {
		let tables = this.#tables.get(engine);
		if (!tables) {
			tables = new WeekTables(engine, KEPT_TABLES);
			this.#tables.set(engine, tables);
		}
		return tables;
	}

	/** `make()`'s answer, asked once per cache: something of the data every review needs. */
	remember<T>(key: string, make: () => Promise<T>): Promise<T> {
		let answer = this.#remembered.get(key) as Promise<T> | undefined;
		if (!answer) {
			answer = make();
			this.#remembered.set(key, answer);
			// A failed look is not kept: the next review asks again.
			answer.catch(() => this.#remembered.delete(key));
		}
		return answer;
	}

	/** Forgets every table, dropping them once the builds under way are done. */
	async drop(): Promise<void> {
		this.#remembered.clear();
		const all = [...this.#tables.values()];
		this.#tables.clear();
		for (const tables of all) await tables.drop();
	}
}

/** Where a review's rows come from: the cache's tables, or its own week computed alone. */
export interface WeekSource {
	cache?: ReviewCache;
	/**
	 * With `cache`: build the tables a review lacks, every week of the data at once (on the demo,
	 * about three times one week's work: for idle time), rather than computing its week alone.
	 */
	fill?: boolean;
}

/** Whether `query`'s rows come from the cache: it has their table, or `fill` builds it. */
export function readsCache(engine: Engine, source: WeekSource, query: WeeklyQuery): boolean {
	const tables = source.cache?.tables(engine);
	return tables !== undefined && (source.fill === true || tables.has(query(ONE_WEEK)));
}

/**
 * `query`'s rows for the week ending `weekEnding`: read from the cache's table of every week when
 * there is one (or `fill` builds it), else computed for that week alone. `where` narrows them,
 * `orderBy` sorts them.
 */
export async function weekRows(
	engine: Engine,
	source: WeekSource,
	query: WeeklyQuery,
	options: { weekEnding: string; weekday: Weekday; where?: string; orderBy?: string }
): Promise<QueryResult> {
	const single = query(ONE_WEEK);
	const table =
		source.cache && readsCache(engine, source, query)
			? await source.cache.tables(engine).table(single, query, options)
			: null;
	const where = options.where ? ` AND ${options.where}` : '';
	const orderBy = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
	const week = `CAST(${literal(options.weekEnding)} AS DATE)`;
	return table
		? engine.query(`SELECT * FROM ${table} WHERE week_ending = ${week}${where}${orderBy}`)
		: engine.query(`SELECT * FROM (${single}) WHERE week_ending = ${week}${where}${orderBy}`, [
				options.weekEnding
			]);
}
