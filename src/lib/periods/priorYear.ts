import { addDays, addMonths } from './dates';

/**
 * The prior-year week ends 364 days (52 weeks) earlier, so it ends on the same weekday and
 * compares like with like (a Saturday against a Saturday), as the WBR App does.
 */
export const PRIOR_YEAR_WEEK_DAYS = 364;

export function priorYearWeek(weekEnd: number): number {
	return addDays(weekEnd, -PRIOR_YEAR_WEEK_DAYS);
}

/**
 * Months, MTD, QTD and YTD compare with the same calendar span one year earlier. A leap day maps
 * to 28 February (calendar arithmetic clamps to the month's last day).
 */
export function priorYearDate(day: number): number {
	return addMonths(day, -12);
}
