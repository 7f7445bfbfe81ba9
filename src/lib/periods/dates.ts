/**
 * SQL date expressions. Every builder takes and returns a DuckDB expression of type DATE, so the
 * rules compose (`priorYearDate(monthStart(x))`) and each rule is written exactly once.
 */
export type DateSql = string;

/** DuckDB turns DATE ± INTERVAL into a TIMESTAMP; every rule hands back a plain DATE. */
export function asDate(sql: string): DateSql {
	return `CAST(${sql} AS DATE)`;
}

export function addDays(date: DateSql, days: number): DateSql {
	if (days === 0) return date;
	return `(${date} ${days < 0 ? '-' : '+'} ${Math.abs(days)})`;
}

export function addMonths(date: DateSql, months: number | string): DateSql {
	if (months === 0) return date;
	return asDate(`${date} + to_months(CAST(${months} AS INTEGER))`);
}

/** The first day of the calendar month `date` is in. */
export function monthStart(date: DateSql): DateSql {
	return asDate(`date_trunc('month', ${date})`);
}

/** The last day of the calendar month `date` is in. */
export function monthEnd(date: DateSql): DateSql {
	return `last_day(${date})`;
}

/** Days from `start` to `end`, both included. */
export function daysBetweenInclusive(start: DateSql, end: DateSql): string {
	return `(${end} - ${start} + 1)`;
}
