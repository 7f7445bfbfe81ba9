/**
 * Every period a review reports, as one SQL table built from the week ending alone:
 *
 *   periods(id, start, "end", days, prior_year, previous, reportable)
 *
 * `id` names the period's role (`W0` = the week ending at the week ending, `PW0` its prior-year
 * week, `T0`..`T11` the trailing twelve months, `F0`..`F11` the fiscal year's months, `MTD`, ...),
 * so comparisons are joins on `prior_year` and `previous`, written once. See README.md.
 */
import type { ReviewSettings } from '../metrics/types';
import {
	addDays,
	addMonths,
	daysBetweenInclusive,
	monthEnd,
	monthStart,
	type DateSql
} from './dates';
import { fiscalQuarterStart, fiscalYearStart } from './fiscalYear';
import { priorYearDate, priorYearWeek } from './priorYear';

/** The column of the `anchor` table that holds the review's week ending. */
export const WEEK_ENDING: DateSql = 'week_ending';

/** Six trailing weeks; one more before them so the oldest of the six has a week-over-week. */
export const TRAILING_WEEKS = 6;
export const TRAILING_MONTHS = 12;

export const weekId = (weeksBack: number): string => `W${weeksBack}`;
export const priorYearWeekId = (weeksBack: number): string => `PW${weeksBack}`;
/** Trailing months are numbered oldest first (T0) to the last complete month (T11); T-1 precedes T0. */
export const trailingMonthId = (index: number): string => `T${index}`;
export const priorYearTrailingMonthId = (index: number): string => `PT${index}`;
/** Fiscal-year months are numbered from the fiscal year's first month (F0). */
export const fiscalMonthId = (index: number): string => `F${index}`;
export const priorYearFiscalMonthId = (index: number): string => `PF${index}`;
export const TO_DATE = ['MTD', 'QTD', 'YTD'] as const;
export type ToDate = (typeof TO_DATE)[number];
export const priorYearToDateId = (span: ToDate): string => `P${span}`;

export interface PeriodSpec {
	id: string;
	start: DateSql;
	end: DateSql;
	/** The period this one is compared with year over year. */
	priorYear?: string;
	/** The period before this one of the same length (week over week, month over month). */
	previous?: string;
	/** False while the period is not over at the week ending: it then reports no data. */
	reportable?: string;
}

/** The week `weeksBack` weeks before the week ending's week: seven days ending on the week-ending weekday. */
export function trailingWeek(weeksBack: number): { start: DateSql; end: DateSql } {
	const end = addDays(WEEK_ENDING, -7 * weeksBack);
	return { start: addDays(end, -6), end };
}

/**
 * The last month that is complete at the week ending: the week ending's own month when the week
 * ends on its last day, else the month before.
 */
export function lastCompleteMonthStart(): DateSql {
	return addMonths(monthStart(addDays(WEEK_ENDING, 1)), -1);
}

/** The calendar month starting on `start`. */
export function month(start: DateSql): { start: DateSql; end: DateSql } {
	return { start, end: monthEnd(start) };
}

function priorYearMonth(start: DateSql): { start: DateSql; end: DateSql } {
	return month(priorYearDate(start));
}

function toDateStart(span: ToDate, fiscalYearEndMonth: number): DateSql {
	switch (span) {
		case 'MTD':
			return monthStart(WEEK_ENDING);
		case 'QTD':
			return fiscalQuarterStart(WEEK_ENDING, fiscalYearEndMonth);
		case 'YTD':
			return fiscalYearStart(WEEK_ENDING, fiscalYearEndMonth);
	}
}

/** All periods of a review, in a fixed order. */
export function reviewPeriods(settings: ReviewSettings): PeriodSpec[] {
	const periods: PeriodSpec[] = [];
	for (let k = 0; k <= TRAILING_WEEKS; k++) {
		const week = trailingWeek(k);
		periods.push({
			id: weekId(k),
			...week,
			priorYear: k < TRAILING_WEEKS ? priorYearWeekId(k) : undefined,
			previous: k < TRAILING_WEEKS ? weekId(k + 1) : undefined
		});
		if (k < TRAILING_WEEKS) {
			const end = priorYearWeek(week.end);
			periods.push({ id: priorYearWeekId(k), start: addDays(end, -6), end });
		}
	}
	const lastMonth = lastCompleteMonthStart();
	const yearStart = fiscalYearStart(WEEK_ENDING, settings.fiscalYearEndMonth);
	for (let i = -1; i < TRAILING_MONTHS; i++) {
		const trailing = month(addMonths(lastMonth, i - (TRAILING_MONTHS - 1)));
		const fiscal = month(addMonths(yearStart, i));
		periods.push({
			id: trailingMonthId(i),
			...trailing,
			priorYear: i >= 0 ? priorYearTrailingMonthId(i) : undefined,
			previous: i >= 0 ? trailingMonthId(i - 1) : undefined
		});
		periods.push({
			id: fiscalMonthId(i),
			...fiscal,
			priorYear: i >= 0 ? priorYearFiscalMonthId(i) : undefined,
			previous: i >= 0 ? fiscalMonthId(i - 1) : undefined,
			// A fiscal-year chart shows months not yet over as no data, whatever the file holds.
			reportable: `(${fiscal.end} <= ${WEEK_ENDING})`
		});
		if (i >= 0) {
			periods.push({ id: priorYearTrailingMonthId(i), ...priorYearMonth(trailing.start) });
			periods.push({ id: priorYearFiscalMonthId(i), ...priorYearMonth(fiscal.start) });
		}
	}
	for (const span of TO_DATE) {
		const start = toDateStart(span, settings.fiscalYearEndMonth);
		periods.push({ id: span, start, end: WEEK_ENDING, priorYear: priorYearToDateId(span) });
		periods.push({
			id: priorYearToDateId(span),
			start: priorYearDate(start),
			end: priorYearDate(WEEK_ENDING)
		});
	}
	return periods;
}

function text(value: string | undefined): string {
	return value === undefined ? 'NULL::VARCHAR' : `'${value}'`;
}

/**
 * A `periods` table as a SELECT over `anchor(week_ending)`, one row per period and anchor row.
 * `days` is the period's length, used to tell a complete period (a value on every day) from a
 * partial one. `week_ending` and `position` (the spec's index) let one table hold the periods of
 * many week endings, and a shorter history be read as the first rows of a longer one
 * (../review/periodCache.ts).
 */
export function periodSpecsSql(periods: PeriodSpec[]): string {
	return periods
		.map(
			(p, position) =>
				`SELECT ${WEEK_ENDING} AS week_ending, ${position} AS position, ` +
				`${text(p.id)} AS id, ${p.start} AS start, ${p.end} AS "end", ` +
				`${daysBetweenInclusive(p.start, p.end)} AS days, ${text(p.priorYear)} AS prior_year, ` +
				`${text(p.previous)} AS previous, ${p.reportable ?? 'true'} AS reportable FROM anchor`
		)
		.join('\nUNION ALL ');
}

/** The review's `periods` table. */
export function periodsSql(settings: ReviewSettings): string {
	return periodSpecsSql(reviewPeriods(settings));
}
