import type { Weekday } from '../metrics/types';
import { dayOfWeek } from './epochDays';
import { fiscalYearStart } from './fiscalYear';

/** DuckDB's `dayofweek`: Sunday = 0 ... Saturday = 6. */
export const WEEKDAYS: readonly Weekday[] = [
	'sunday',
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday'
];

export function weekdayNumber(weekday: Weekday): number {
	return WEEKDAYS.indexOf(weekday);
}

/** The weekday of an ISO date (YYYY-MM-DD), computed without time zones. */
export function weekdayOf(isoDate: string): Weekday {
	const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
	const weekday = WEEKDAYS[day];
	if (!weekday || Number.isNaN(day)) throw new RangeError(`not a date: "${isoDate}"`);
	return weekday;
}

/** The latest day on or before `day` that falls on `weekday`: a week is complete once its last day has data. */
export function weekEndingOnOrBefore(day: number, weekday: Weekday): number {
	return day - ((dayOfWeek(day) - weekdayNumber(weekday) + 7) % 7);
}

/**
 * Flywheel's week number (the WBR App takes it from the configuration instead): week 1 is the
 * week that contains the fiscal year's first day, so a year has 52 or 53 weeks.
 */
export function weekNumber(weekEnd: number, weekday: Weekday, fiscalYearEndMonth: number): number {
	// The fiscal year of a week is the one its last day is in.
	const yearStart = fiscalYearStart(weekEnd, fiscalYearEndMonth);
	const firstWeekEnd = weekEndingOnOrBefore(yearStart + 6, weekday);
	return Math.floor((weekEnd - firstWeekEnd) / 7) + 1;
}
