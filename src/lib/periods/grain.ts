/**
 * The grain a metric's data comes at: daily, business days (Monday to Friday), weekly (one value
 * every seven days, on one weekday) or monthly (one value a month, dated the first or the last
 * day). Exports come at all of them; a
 * period's coverage counts the dates a value is expected on (its slots), not its days, so a
 * weekly metric's week is complete with its one value and a monthly metric's month with its one.
 *
 * The grain is read from the data, the distinct dates with a value:
 * - `month-first` / `month-last`: every date is the 1st (or the last day of its month), at least
 *   28 days apart;
 * - `week`: every gap between dates is a multiple of seven days (a missing week leaves 14);
 * - `weekdays`: every date (ten at least) is a Monday to Friday, so weekends are not missing days;
 * - `day` otherwise (a daily metric with missing days is still daily). One date alone says
 *   nothing: it counts as daily.
 */
import { OBSERVATIONS } from '../store/observations';
import { dayOfWeek, monthNumber } from './epochDays';

export type Grain = 'day' | 'weekdays' | 'week' | 'month-first' | 'month-last';

/**
 * SQL: one row per `key` of `relation` (distinct `key`, `date` rows with a value) with its
 * `grain` and, for a weekly one, its `weekday` (DuckDB's `dayofweek`: Sunday = 0).
 */
export function grainsSql(relation: string, key: string): string {
	return `SELECT ${key}, CASE
		WHEN dates >= 2 AND min_gap >= 28 AND firsts THEN 'month-first'
		WHEN dates >= 2 AND min_gap >= 28 AND lasts THEN 'month-last'
		WHEN dates >= 2 AND min_gap >= 7 AND sevens THEN 'week'
		WHEN dates >= 10 AND workdays THEN 'weekdays'
		ELSE 'day' END AS grain, weekday
	FROM (SELECT ${key}, count(*) AS dates, min(gap) AS min_gap,
		bool_and(gap IS NULL OR gap % 7 = 0) AS sevens, bool_and(dayofmonth(date) = 1) AS firsts,
		bool_and(dayofmonth(date + 1) = 1) AS lasts, min(dayofweek(date)) AS weekday,
		bool_and(dayofweek(date) BETWEEN 1 AND 5) AS workdays
		FROM (SELECT ${key}, date, date - lag(date) OVER (PARTITION BY ${key} ORDER BY date) AS gap
			FROM ${relation})
		GROUP BY ${key})`;
}

/** Each metric's grain over the whole store: `metric`, `grain`, `weekday`. */
export const METRIC_GRAINS_SQL = grainsSql(
	`(SELECT DISTINCT metric, date FROM ${OBSERVATIONS} WHERE value IS NOT NULL)`,
	'metric'
);

/** Whether a grain has one value a month. */
export function isMonthly(grain: Grain): boolean {
	return grain === 'month-first' || grain === 'month-last';
}

/** The days of `start`..`end` (day numbers, inclusive) that fall on `weekday` (Sunday = 0). */
function weekdaysIn(weekday: number, start: number, end: number): number {
	const days = end - start + 1;
	// Days from the start to the first such day; they then follow every seven days.
	const first = (weekday - dayOfWeek(start) + 7) % 7;
	return first < days ? Math.floor((days - 1 - first) / 7) + 1 : 0;
}

/**
 * How many of a grain's dates (its slots) a period `start`..`end` (day numbers, inclusive)
 * expects a value on: its days, its dates on a weekly grain's `weekday`, its Mondays to Fridays,
 * or the months wholly inside it for a monthly grain, which has none in a week or in a month to
 * date (its one value a month is no week's value; no slot means no value, not zero).
 */
export function slotsIn(grain: Grain, weekday: number, start: number, end: number): number {
	switch (grain) {
		case 'week':
			return weekdaysIn(weekday, start, end);
		case 'weekdays':
			return end - start + 1 - weekdaysIn(6, start, end) - weekdaysIn(0, start, end);
		case 'month-first':
		case 'month-last':
			return Math.max(0, monthNumber(end + 1) - monthNumber(start - 1) - 1);
		case 'day':
			return end - start + 1;
	}
}

/**
 * A value fills one of a period's slots unless it is a monthly value whose month is not wholly
 * inside the period: one of a month still under way (a span to date) still adds to the period's
 * value, but it cannot make up for a missing month. (The review's pieces of a period are whole
 * months, or days of months the period does not hold whole: ../review/pieces.ts.)
 */
export function fillsSlots(grain: Grain, wholeMonth: boolean): boolean {
	return wholeMonth || !isMonthly(grain);
}

/** A metric's grain as the review reports it (`dataGrain`): how often its data has a value. */
export type DataGrain = 'day' | 'week' | 'month';

export function dataGrain(grain: Grain): DataGrain {
	if (grain === 'month-first' || grain === 'month-last') return 'month';
	return grain === 'weekdays' ? 'day' : grain;
}

const ORDER: readonly DataGrain[] = ['day', 'week', 'month'];

/** The coarsest of several grains (a ratio of a daily and a monthly metric is monthly). */
export function coarsest(grains: DataGrain[]): DataGrain {
	return ORDER[Math.max(0, ...grains.map((g) => ORDER.indexOf(g)))] ?? 'day';
}
