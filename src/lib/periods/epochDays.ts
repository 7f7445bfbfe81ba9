/**
 * Dates as whole days since 1970-01-01 (UTC), for the review's arithmetic in TypeScript: a period
 * is two day numbers, a month a number of months since year 0. No time zone ever enters.
 */
const DAY_MS = 86_400_000;

/** An ISO date (YYYY-MM-DD) as a day number. */
export function epochDay(iso: string): number {
	return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** A day number as an ISO date. */
export function isoDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** DuckDB's `dayofweek`: Sunday = 0 ... Saturday = 6 (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** Months since January of year 0: year × 12 + month (0-11). */
export function monthNumber(day: number): number {
	const date = new Date(day * DAY_MS);
	return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The first day of a month number. */
export function monthFirstDay(month: number): number {
	return Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS);
}

/** The last day of a month number. */
export function monthLastDay(month: number): number {
	return monthFirstDay(month + 1) - 1;
}
