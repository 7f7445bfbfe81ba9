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
import { dayOfWeek, monthNumber } from './epochDays';

export type Grain = 'day' | 'weekdays' | 'week' | 'month-first' | 'month-last';

/** What the grain is read from: a source's distinct dates with a value, summed up. */
export interface DatesSummary {
	/** How many distinct dates. */
	dates: number;
	/** Bit `d` set when some date falls on weekday `d` (DuckDB's `dayofweek`: Sunday = 0). */
	weekdays: number;
	/** Every date is the 1st of its month; every date is the last day of its month. */
	firsts: boolean;
	lasts: boolean;
}

const WEEKEND = (1 << 0) | (1 << 6);

/**
 * A source's grain and, for a weekly one, its weekday (the earliest weekday any date falls on).
 * Distinct 1sts (or month ends) are at least 28 days apart, and dates on one weekday are whole
 * weeks apart, so the rules above need no look at the gaps themselves.
 */
export function grainOf(summary: DatesSummary): { grain: Grain; weekday: number } {
	const { dates, weekdays } = summary;
	const weekday = weekdays === 0 ? 0 : Math.log2(weekdays & -weekdays);
	if (dates >= 2 && summary.firsts) return { grain: 'month-first', weekday };
	if (dates >= 2 && summary.lasts) return { grain: 'month-last', weekday };
	if (dates >= 2 && (weekdays & (weekdays - 1)) === 0) return { grain: 'week', weekday };
	if (dates >= 10 && (weekdays & WEEKEND) === 0) return { grain: 'weekdays', weekday };
	return { grain: 'day', weekday };
}

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
