/**
 * A metric's daily values for the deep dive: the days of the week under review and the weeks
 * before it, beside the same weekdays a year earlier (364 days, the prior-year week's rule). Each
 * day is a one-day period composed by the review's own rules (./periodValues.ts), so a day
 * follows every rule a review number follows: a derived metric is the ratio of the day's totals,
 * a `mean` is the day's mean over segments, and segment filters come from the catalog.
 */
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { epochDay, isoDay } from '../periods/epochDays';
import { period } from '../periods/periodTable';
import { PRIOR_YEAR_WEEK_DAYS } from '../periods/priorYear';
import { PeriodValues } from './periodValues';
import { storeFor, type ReviewCache } from './reviewCache';
import { planReviewMetrics } from './reviewMetrics';
import type { Value } from './types';

export interface DailyDetail {
	/** ISO dates, oldest first; the last is the week ending. */
	dates: string[];
	values: Value[];
	/** The same weekdays 364 days earlier, aligned with `dates`. */
	priorYearDates: string[];
	priorYear: Value[];
}

/** `weeks` whole weeks of daily values ending on the review's week ending. */
export async function dailyDetail(
	engine: Engine,
	catalog: Catalog,
	id: string,
	options: { weekEnding: string; weeks: number; cache?: ReviewCache }
): Promise<DailyDetail> {
	const plan = planReviewMetrics(catalog, [id]);
	const last = epochDay(options.weekEnding);
	const days = Array.from(
		{ length: options.weeks * 7 },
		(_, i) => last - options.weeks * 7 + 1 + i
	);
	const oneDay = (id: string, day: number) => period(id, { start: day, end: day }, catalog.review);
	const periods = days.flatMap((day, i) => [
		oneDay(`D${i}`, day),
		oneDay(`PD${i}`, day - PRIOR_YEAR_WEEK_DAYS)
	]);
	const store = await storeFor(engine, plan, catalog.review.weekEndingWeekday, options.cache);
	const table = await PeriodValues.compute(engine, store, plan, periods);
	return {
		dates: days.map(isoDay),
		values: days.map((_, i) => table.value(id, `D${i}`)),
		priorYearDates: days.map((day) => isoDay(day - PRIOR_YEAR_WEEK_DAYS)),
		priorYear: days.map((_, i) => table.value(id, `PD${i}`))
	};
}
