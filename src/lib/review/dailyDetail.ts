/**
 * A metric's daily values for the deep dive: the days of the week under review and the weeks
 * before it, beside the same weekdays a year earlier (364 days, the prior-year week's rule). Each
 * day is a one-day period run through the review query's own stages (`periodValuesSql`), so a day
 * follows every rule a review number follows: a derived metric is the ratio of the day's totals,
 * a `mean` is the day's mean over segments, and segment filters come from the catalog.
 */
import { numbers } from '../engine/columns';
import type { Engine } from '../engine/types';
import type { Catalog } from '../metrics/types';
import { addDays } from '../periods/dates';
import { periodSpecsSql, WEEK_ENDING, type PeriodSpec } from '../periods/periodTable';
import { PRIOR_YEAR_WEEK_DAYS, priorYearWeek } from '../periods/priorYear';
import { planReviewMetrics } from './reviewMetrics';
import { periodValuesSql } from './reviewQuery';
import type { Value } from './types';

export interface DailyDetail {
	/** ISO dates, oldest first; the last is the week ending. */
	dates: string[];
	values: Value[];
	/** The same weekdays 364 days earlier, aligned with `dates`. */
	priorYearDates: string[];
	priorYear: Value[];
}

const DAY_MS = 86_400_000;

function isoDaysBefore(iso: string, days: number): string {
	return new Date(Date.parse(iso) - days * DAY_MS).toISOString().slice(0, 10);
}

/** One-day periods, `D0` the week ending back to `D{days-1}`, each with its prior-year day `PD{i}`. */
export function dailyPeriods(days: number): PeriodSpec[] {
	const periods: PeriodSpec[] = [];
	for (let back = 0; back < days; back++) {
		const day = addDays(WEEK_ENDING, -back);
		const lastYear = priorYearWeek(day);
		periods.push({ id: `D${back}`, start: day, end: day });
		periods.push({ id: `PD${back}`, start: lastYear, end: lastYear });
	}
	return periods;
}

export function dailySql(catalog: Catalog, id: string, days: number): string {
	const plan = planReviewMetrics(catalog, [id]);
	const column = plan.columnOf.get(id);
	if (!column) throw new Error(`metric "${id}" was not computed`);
	return `WITH ${periodValuesSql(plan, periodSpecsSql(dailyPeriods(days)))}
SELECT id, ${column} AS value FROM period_values`;
}

/** `weeks` whole weeks of daily values ending on the review's week ending. */
export async function dailyDetail(
	engine: Engine,
	catalog: Catalog,
	id: string,
	options: { weekEnding: string; weeks: number }
): Promise<DailyDetail> {
	const days = options.weeks * 7;
	const result = await engine.query(dailySql(catalog, id, days), [options.weekEnding]);
	const ids = result.columns['id'] ?? [];
	const values = numbers(result, 'value');
	const byId = new Map(ids.map((period, row) => [String(period), values[row] ?? null]));
	const detail: DailyDetail = { dates: [], values: [], priorYearDates: [], priorYear: [] };
	for (let back = days - 1; back >= 0; back--) {
		detail.dates.push(isoDaysBefore(options.weekEnding, back));
		detail.values.push(byId.get(`D${back}`) ?? null);
		detail.priorYearDates.push(isoDaysBefore(options.weekEnding, back + PRIOR_YEAR_WEEK_DAYS));
		detail.priorYear.push(byId.get(`PD${back}`) ?? null);
	}
	return detail;
}
