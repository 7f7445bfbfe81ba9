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
import type { Engine } from '../engine/types';
import type { Weekday } from '../metrics/types';
import { periodSpecsSql, WEEK_ENDING, type PeriodSpec } from '../periods/periodTable';
import { WeekTables } from './weekTables';

/** Periods do not depend on the data: one engine's tables serve every review it builds. */
const tables = new WeakMap<Engine, WeekTables>();

/**
 * A SELECT of the periods `specs` for the week endings in `anchor(week_ending)`, read from the
 * engine's table of those periods (with `week_ending` and `position`, as `periodSpecsSql`).
 */
export async function cachedPeriodsSql(
	engine: Engine,
	specs: PeriodSpec[],
	options: { weekEnding: string; weekday: Weekday }
): Promise<string> {
	const sql = periodSpecsSql(specs);
	let byEngine = tables.get(engine);
	if (!byEngine) {
		byEngine = new WeekTables(engine);
		tables.set(engine, byEngine);
	}
	const table = await byEngine.table(
		sql,
		(weeks) => `WITH anchor AS (${weeks}) SELECT * FROM (${sql})`,
		options
	);
	return `SELECT week_ending, position, id, start, "end", days, prior_year, previous, reportable
  FROM ${table} WHERE ${WEEK_ENDING} IN (SELECT ${WEEK_ENDING} FROM anchor)`;
}
