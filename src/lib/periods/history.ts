/**
 * A metric's history at one grain: the periods behind its expected band and signals (and the
 * first page's full weekly series). The weeks and months are the review's own (`trailingWeek`,
 * `month`, `lastCompleteMonthStart`), only more of them, so a week in a band's history is the
 * same seven days as in the 6-12 chart. See README.md.
 */
import type { ReviewSettings } from '../metrics/types';
import { addMonths } from './dates';
import { epochDay } from './epochDays';
import { lastCompleteMonthStart, month, period, trailingWeek, type Period } from './periodTable';
import { PRIOR_YEAR_WEEK_DAYS } from './priorYear';

/** Weeks feed the operational review, months the strategic one. */
export type HistoryGrain = 'week' | 'month';

/** How many periods make a year at each grain: the prior-year period is this many positions back. */
export const PERIODS_PER_YEAR: Readonly<Record<HistoryGrain, number>> = {
	week: PRIOR_YEAR_WEEK_DAYS / 7,
	month: 12
};

/** `H0` is the period under review (the week ending's week, or the last complete month), `H1` the one before. */
export const historyId = (periodsBack: number): string => `H${periodsBack}`;

/**
 * `count` periods ending with the period under review, oldest first (`H{count-1}` ... `H0`).
 * Weeks are seven days ending on the week-ending weekday; months are calendar months, the newest
 * being the last month complete at the week ending (as in the 6-12 chart's twelve months).
 */
export function historyPeriods(
	grain: HistoryGrain,
	count: number,
	settings: ReviewSettings,
	weekEndingDate: string
): Period[] {
	if (!Number.isInteger(count) || count < 1) {
		throw new RangeError(`a history needs at least one period, not ${count}`);
	}
	const weekEnding = epochDay(weekEndingDate);
	const lastMonth = lastCompleteMonthStart(weekEnding);
	return Array.from({ length: count }, (_, i) => {
		const back = count - 1 - i;
		const span =
			grain === 'week' ? trailingWeek(weekEnding, back) : month(addMonths(lastMonth, -back));
		return period(historyId(back), span, settings);
	});
}
