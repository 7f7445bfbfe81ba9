/**
 * The periods of a review or a history (../periods/periodTable.ts, ../periods/history.ts) for a
 * week ending, as rows.
 *
 * A periods table is a pure function of the week ending, but its SQL, dozens of UNION ALL
 * branches of nested date arithmetic, costs DuckDB more to plan than to run. So each distinct
 * periods SQL is run once per engine for every week ending of the data into a temp table, and a
 * review reads its week's rows. The dates come from the same SQL rules; only the planning is
 * shared. Periods do not depend on the data, so a table never goes stale; a week it lacks (new
 * data reaching further, or a week ending outside the data) is added when first asked for.
 */
import { numbers, strings } from '../engine/columns';
import { literal } from '../engine/sql';
import type { Engine } from '../engine/types';
import type { ReviewSettings } from '../metrics/types';
import { epochDay } from '../periods/epochDays';
import { periodSpecsSql, type PeriodSpec } from '../periods/periodTable';
import { weekEndingOnOrBefore, weekNumber } from '../periods/weekEnding';
import { OBSERVATIONS } from '../store/observations';

/** One period of a review or history, its dates as day numbers (../periods/epochDays.ts). */
export interface PeriodRow {
	id: string;
	start: number;
	end: number;
	/** ISO dates of the same. */
	startDate: string;
	endDate: string;
	days: number;
	priorYear: string | null;
	previous: string | null;
	reportable: boolean;
	/** The week number of the week ending on `end` (../periods/weekEnding.ts). */
	weekNumber: number;
}

interface PeriodTable {
	name: string;
	/** ISO week endings the table holds. */
	weeks: Set<string>;
}

const DAY_MS = 86_400_000;
let tableCount = 0;

/** Per engine, a table per periods SQL (a promise, so concurrent asks share one build). */
const tables = new WeakMap<Engine, Map<string, Promise<PeriodTable>>>();

/** The week endings on `weekday` from the first day with data to a week past the last. */
async function dataWeeks(
	engine: Engine,
	weekday: ReviewSettings['weekEndingWeekday']
): Promise<string[]> {
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

/** The name of the engine's table of `specs` for every week of the data and `weekEnding`. */
async function periodTable(
	engine: Engine,
	specs: PeriodSpec[],
	settings: ReviewSettings,
	weekEnding: string
): Promise<string> {
	const sql = periodSpecsSql(specs);
	let byEngine = tables.get(engine);
	if (!byEngine) tables.set(engine, (byEngine = new Map()));
	const previous = byEngine.get(sql);
	const ready = (previous ?? Promise.resolve(null))
		.catch(() => null)
		.then(async (found: PeriodTable | null) => {
			const table = found ?? { name: `flywheel_periods_${++tableCount}`, weeks: new Set<string>() };
			if (table.weeks.has(weekEnding)) return table;
			const weeks =
				table.weeks.size === 0 ? await dataWeeks(engine, settings.weekEndingWeekday) : [];
			const missing = [...new Set([...weeks, weekEnding])];
			const anchor = `SELECT CAST(w AS DATE) AS week_ending FROM unnest([${missing.map(literal).join(', ')}]) AS t(w)`;
			const select = `WITH anchor AS (${anchor}) SELECT * FROM (${sql})`;
			await engine.query(
				table.weeks.size === 0
					? `CREATE TEMP TABLE ${table.name} AS ${select}`
					: `INSERT INTO ${table.name} ${select}`
			);
			for (const week of missing) table.weeks.add(week);
			return table;
		});
	byEngine.set(sql, ready);
	// A failed build is forgotten, to be tried again.
	ready.catch(() => byEngine.get(sql) === ready && byEngine.delete(sql));
	return (await ready).name;
}

/**
 * The periods `specs` of the week ending `weekEnding`, in the specs' order; `count` keeps the
 * first periods only (a history shorter than the table's).
 */
export async function periodRows(
	engine: Engine,
	specs: PeriodSpec[],
	settings: ReviewSettings,
	options: { weekEnding: string; count?: number }
): Promise<PeriodRow[]> {
	const table = await periodTable(engine, specs, settings, options.weekEnding);
	const count = options.count === undefined ? '' : ` AND position < ${options.count}`;
	const number = weekNumber('"end"', settings.weekEndingWeekday, settings.fiscalYearEndMonth);
	const result = await engine.query(
		`SELECT id, strftime(start, '%Y-%m-%d') AS start, strftime("end", '%Y-%m-%d') AS "end", days,
		  prior_year, previous, reportable, ${number} AS week_number
		FROM ${table} WHERE week_ending = CAST(${literal(options.weekEnding)} AS DATE)${count} ORDER BY position`
	);
	const ids = strings(result, 'id');
	const starts = strings(result, 'start');
	const ends = strings(result, 'end');
	const days = numbers(result, 'days');
	const priorYears = strings(result, 'prior_year');
	const previous = strings(result, 'previous');
	const reportable = result.columns['reportable'] ?? [];
	const weekNumbers = numbers(result, 'week_number');
	return ids.map((id, row) => {
		const startDate = starts[row] ?? '';
		const endDate = ends[row] ?? '';
		return {
			id: id ?? '',
			start: epochDay(startDate),
			end: epochDay(endDate),
			startDate,
			endDate,
			days: days[row] ?? 0,
			priorYear: priorYears[row] ?? null,
			previous: previous[row] ?? null,
			reportable: reportable[row] === true,
			weekNumber: weekNumbers[row] ?? 0
		};
	});
}
