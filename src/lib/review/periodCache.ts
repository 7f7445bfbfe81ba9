/**
 * Periods tables, evaluated once per engine for every week of the data.
 *
 * A periods table (../periods/periodTable.ts, ../periods/history.ts) is a pure function of the
 * week ending, but its SQL, dozens of UNION ALL branches of nested date arithmetic, costs DuckDB
 * more to plan than the rest of a review query: on the demo, half of `buildReview`'s time was
 * planning the three periods tables. So each distinct periods SQL is run once for every week
 * ending of the data into a temp table, and each review reads its week's rows. The dates come
 * from the same SQL rules; only the planning is shared.
 *
 * Periods do not depend on the data, so a table never goes stale. A week it lacks (new data
 * reaching further, or a week ending outside the data) is added when first asked for.
 */
import { strings } from '../engine/columns';
import { literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { Weekday } from '../metrics/types';
import { periodSpecsSql, WEEK_ENDING, type PeriodSpec } from '../periods/periodTable';
import { weekEndingOnOrBefore } from '../periods/weekEnding';
import { OBSERVATIONS } from '../store/observations';

interface PeriodsTable {
	name: string;
	/** ISO week endings the table holds. */
	weeks: Set<string>;
}

/** By engine, then by the periods SQL; a promise so concurrent reviews share one build. */
const tables = new WeakMap<Engine, Map<string, Promise<PeriodsTable | null>>>();
let tableCount = 0;

const DAY_MS = 86_400_000;

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

/** Adds the periods of `weeks` (ISO dates) to `table`, creating it on the first call. */
async function addWeeks(
	engine: Engine,
	table: PeriodsTable,
	specs: string,
	weeks: string[]
): Promise<void> {
	const missing = [...new Set(weeks)].filter((w) => !table.weeks.has(w));
	if (missing.length === 0) return;
	const anchor = `anchor AS (SELECT CAST(w AS DATE) AS ${WEEK_ENDING} FROM unnest([${missing.map(literal).join(', ')}]) AS t(w))`;
	const select = `WITH ${anchor} SELECT * FROM (${specs})`;
	await engine.query(
		table.weeks.size === 0
			? `CREATE TEMP TABLE ${table.name} AS ${select}`
			: `INSERT INTO ${table.name} ${select}`
	);
	for (const week of missing) table.weeks.add(week);
}

/**
 * A SELECT of the periods `specs` for the week ending in `anchor(week_ending)`, the review
 * query's parameter, read from the engine's table of those periods. With `first`, only the
 * first `first` periods (a history shorter than the one cached).
 */
export async function cachedPeriodsSql(
	engine: Engine,
	specs: PeriodSpec[],
	options: { weekEnding: string; weekday: Weekday; first?: number }
): Promise<string> {
	const sql = periodSpecsSql(specs);
	let byEngine = tables.get(engine);
	if (!byEngine) {
		byEngine = new Map();
		tables.set(engine, byEngine);
	}
	// Reviews are built one after another, but a history can be asked for alongside: one build
	// per table, each waiting for the one before. A failed build is forgotten, to be tried again.
	const previous = byEngine.get(sql) ?? Promise.resolve(null);
	const ready = previous
		.catch(() => null)
		.then(async (found) => {
			const table = found ?? { name: `flywheel_periods_${++tableCount}`, weeks: new Set<string>() };
			if (!table.weeks.has(options.weekEnding)) {
				const weeks = table.weeks.size === 0 ? await dataWeeks(engine, options.weekday) : [];
				await addWeeks(engine, table, sql, [...weeks, options.weekEnding]);
			}
			return table;
		});
	byEngine.set(sql, ready);
	ready.catch(() => {
		if (byEngine.get(sql) === ready) byEngine.delete(sql);
	});
	const table = await ready;
	const first = options.first === undefined ? '' : ` AND position < ${options.first}`;
	return `SELECT id, start, "end", days, prior_year, previous, reportable FROM ${table.name}
  WHERE ${WEEK_ENDING} = (SELECT ${WEEK_ENDING} FROM anchor)${first}`;
}
