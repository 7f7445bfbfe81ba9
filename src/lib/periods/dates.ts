/**
 * Calendar arithmetic on day numbers (./epochDays.ts), each rule written once so they compose
 * (`priorYearDate(monthStart(x))`).
 */
import { monthFirstDay, monthLastDay, monthNumber } from './epochDays';

export function addDays(day: number, days: number): number {
	return day + days;
}

/**
 * The same day of the month `months` later (or earlier), clamped to the month's last day, as
 * DuckDB's `date + INTERVAL n MONTH`: 31 March minus a month is 28 (or 29) February.
 */
export function addMonths(day: number, months: number): number {
	const dayOfMonth = day - monthFirstDay(monthNumber(day));
	const target = monthNumber(day) + months;
	return Math.min(monthFirstDay(target) + dayOfMonth, monthLastDay(target));
}

/** The first day of the calendar month `day` is in. */
export function monthStart(day: number): number {
	return monthFirstDay(monthNumber(day));
}

/** The last day of the calendar month `day` is in. */
export function monthEnd(day: number): number {
	return monthLastDay(monthNumber(day));
}

/** Days from `start` to `end`, both included. */
export function daysBetweenInclusive(start: number, end: number): number {
	return end - start + 1;
}

/** The month of the year (1-12) of `day`. */
export function monthOfYear(day: number): number {
	return (monthNumber(day) % 12) + 1;
}
