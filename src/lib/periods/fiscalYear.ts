import { addMonths, monthStart, type DateSql } from './dates';

/** The calendar month (1-12) a fiscal year starts in, given its last month (12 = December). */
export function fiscalYearStartMonth(fiscalYearEndMonth: number): number {
	if (!Number.isInteger(fiscalYearEndMonth) || fiscalYearEndMonth < 1 || fiscalYearEndMonth > 12) {
		throw new RangeError(`fiscal year end month must be 1-12, not ${fiscalYearEndMonth}`);
	}
	return (fiscalYearEndMonth % 12) + 1;
}

/** Whole months from the start of `date`'s fiscal year to the start of its month (0-11). */
function monthsIntoFiscalYear(date: DateSql, fiscalYearEndMonth: number): string {
	const start = fiscalYearStartMonth(fiscalYearEndMonth);
	return `((month(${date}) - ${start} + 12) % 12)`;
}

/** The first day of the fiscal year `date` is in. */
export function fiscalYearStart(date: DateSql, fiscalYearEndMonth: number): DateSql {
	return addMonths(monthStart(date), `-${monthsIntoFiscalYear(date, fiscalYearEndMonth)}`);
}

/** The first day of the fiscal quarter `date` is in: quarters are three months from the fiscal year's start. */
export function fiscalQuarterStart(date: DateSql, fiscalYearEndMonth: number): DateSql {
	return addMonths(monthStart(date), `-(${monthsIntoFiscalYear(date, fiscalYearEndMonth)} % 3)`);
}
