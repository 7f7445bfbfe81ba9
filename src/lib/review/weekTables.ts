/**
 * Temp tables holding a query's rows for every week of the data, so a review of any week reads
 * its rows instead of planning the query again.
 *
 * A review's queries are wide (a column per metric and comparison), and DuckDB spends most of a
 * review planning them, not running them: on the demo, about 70% of the review query and nearly
 * all of a history query. Their SQL is the same for every week ending but the one in `anchor`, so
 * each is run once with every week ending of the data in `anchor`, into a table; a week's rows are
 * then a small SELECT. A week the table lacks (a week ending outside the data) is added when first
 * asked for.
 */
import { strings } from '../engine/columns';
import { literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { Weekday } from '../metrics/types';
import { weekEndingOnOrBefore } from '../periods/weekEnding';
import { OBSERVATIONS } from '../store/observations';

interface WeekTable {
	name: string;
	/** ISO week endings the table holds. */
	weeks: Set<string>;
}

const DAY_MS = 86_400_000;
let tableCount = 0;

/** The week endings on `weekday` from the first day with data to a week past the last. */
async function dataWeeks(engine: Engine, weekday: Weekday): Promise<string[]> {
	const result = await engine.query(
		`SELECT strftime(${weekEndingOnOrBefore('min(date)', weekday)}, '%Y-%m-%d') AS first,
		        strftime(${weekEndingOnOrBefore('max(date)', weekday)} + 7, '%Y-%m-%d') AS last
		 FROM ${OBSERVATIONS}`
	);
	const first = strings(result, 'first')[0];
	const last = strings(result, 'last')[0];
	if (!first || !last) return [];
	const weeks: string[] = [];
	for (let t = Date.parse(first); t <= Date.parse(last); t += 7 * DAY_MS) {
		weeks.push(new Date(t).toISOString().slice(0, 10));
	}
	return weeks;
}

/** `anchor`'s SELECT for the week endings `weeks` (ISO dates). */
function weeksSql(weeks: string[]): string {
	return `SELECT CAST(w AS DATE) AS week_ending FROM unnest([${weeks.map(literal).join(', ')}]) AS t(w)`;
}

/** A query over `anchor(week_ending)`, the week endings its SELECT `weeks` lists. */
export type WeeklyQuery = (weeks: string) => string;

/**
 * One engine's week tables, by query. Tables of a query that reads the data are only good for
 * the data they were built from: whoever owns a `WeekTables` drops it when the data changes.
 */
export class WeekTables {
	// A promise per query, so concurrent asks share one build.
	readonly #tables = new Map<string, Promise<WeekTable | null>>();

	/**
	 * @param maxTables how many tables to keep: asking for another drops the one asked for longest
	 *   ago. Without, every table is kept.
	 */
	constructor(
		private readonly engine: Engine,
		private readonly maxTables = Infinity
	) {}

	/**
	 * The name of the table of `query`'s rows for every week of the data and `weekEnding` (the
	 * column `week_ending` tells them apart). `key` names the query, whatever its week endings.
	 */
	async table(
		key: string,
		query: WeeklyQuery,
		options: { weekEnding: string; weekday: Weekday }
	): Promise<string> {
		const { engine } = this;
		// Builds queue per query, each waiting for the one before. A failed build is forgotten,
		// to be tried again.
		const previous = this.#tables.get(key) ?? Promise.resolve(null);
		// Most recently asked for last.
		this.#tables.delete(key);
		const ready = previous
			.catch(() => null)
			.then(async (found) => {
				const table = found ?? { name: `flywheel_weeks_${++tableCount}`, weeks: new Set<string>() };
				if (table.weeks.has(options.weekEnding)) return table;
				const weeks = table.weeks.size === 0 ? await dataWeeks(engine, options.weekday) : [];
				const missing = [...new Set([...weeks, options.weekEnding])];
				const select = query(weeksSql(missing));
				await engine.query(
					table.weeks.size === 0
						? `CREATE TEMP TABLE ${table.name} AS ${select}`
						: `INSERT INTO ${table.name} ${select}`
				);
				for (const week of missing) table.weeks.add(week);
				return table;
			});
		this.#tables.set(key, ready);
		ready.catch(() => {
			if (this.#tables.get(key) === ready) this.#tables.delete(key);
		});
		for (const [oldest, table] of this.#tables) {
			if (this.#tables.size <= this.maxTables) break;
			this.#tables.delete(oldest);
			void this.#dropWhenBuilt(table).catch(() => undefined);
		}
		return (await ready).name;
	}

	async #dropWhenBuilt(table: Promise<WeekTable | null>): Promise<void> {
		const built = await table.catch(() => null);
		if (built) await this.engine.query(`DROP TABLE IF EXISTS ${built.name}`);
	}

	/** Whether the table of `key` is built, or being built. */
	has(key: string): boolean {
		return this.#tables.has(key);
	}

	/** Drops every table, once the builds under way are done. */
	async drop(): Promise<void> {
		const tables = [...this.#tables.values()];
		this.#tables.clear();
		for (const table of tables) await this.#dropWhenBuilt(table);
	}
}
