import { addMonths, monthOfYear, monthStart } from './dates';

/** The calendar month (1-12) a fiscal year starts in, given its last month (12 = December). */
export function fiscalYearStartMonth(fiscalYearEndMonth: number): number {
	if (!Number.isInteger(fiscalYearEndMonth) || fiscalYearEndMonth < 1 || fiscalYearEndMonth > 12) {
		throw new RangeError(`fiscal year end month must be 1-12, not ${fiscalYearEndMonth}`);
	}
	return (fiscalYearEndMonth % 12) + 1;
}

/** Whole months from the start of `day`'s fiscal year to the start of its month (0-11). */
function monthsIntoFiscalYear(day: number, fiscalYearEndMonth: number): number {
	return (monthOfYear(day) - fiscalYearStartMonth(fiscalYearEndMonth) + 12) % 12;
}

/** The first day of the fiscal year `day` is in. */
export function fiscalYearStart(day: number, fiscalYearEndMonth: number): number {
	return addMonths(monthStart(day), -monthsIntoFiscalYear(day, fiscalYearEndMonth));
}

/** The first day of the fiscal quarter `day` is in: quarters are three months from the fiscal year's start. */
export function fiscalQuarterStart(day: number, fiscalYearEndMonth: number): number {
	return addMonths(monthStart(day), -(monthsIntoFiscalYear(day, fiscalYearEndMonth) % 3));
}
