/**
 * Every period a review reports, computed from the week ending alone: a small table of ids and
 * date spans,
 *
 *   periods(id, start, end, days, priorYear, previous, reportable)
 *
 * `id` names the period's role (`W0` = the week ending at the week ending, `PW0` its prior-year
 * week, `T0`..`T11` the trailing twelve months, `F0`..`F11` the fiscal year's months, `MTD`, ...),
 * so comparisons look up `priorYear` and `previous`, written once. See README.md.
 */
import type { ReviewSettings } from '../metrics/types';
import { addDays, addMonths, daysBetweenInclusive, monthEnd, monthStart } from './dates';
import { epochDay, isoDay } from './epochDays';
import { fiscalQuarterStart, fiscalYearStart } from './fiscalYear';
import { priorYearDate, priorYearWeek } from './priorYear';
import { weekNumber } from './weekEnding';

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

/** A period's span: day numbers (./epochDays.ts), both included. */
export interface Span {
	start: number;
	end: number;
}

/** One period of a review or a history. */
export interface Period extends Span {
	id: string;
	/** ISO dates of `start` and `end`. */
	startDate: string;
	endDate: string;
	/** Its length in days. */
	days: number;
	/** The period this one is compared with year over year. */
	priorYear: string | null;
	/** The period before this one of the same length (week over week, month over month). */
	previous: string | null;
	/** False while the period is not over at the week ending: it then reports no data. */
	reportable: boolean;
	/** The number of the week ending on `end` (`weekNumber`): the six weeks' labels. */
	weekNumber: number;
}

/** A period from its span and role. */
export function period(
	id: string,
	span: Span,
	settings: ReviewSettings,
	links: { priorYear?: string; previous?: string; reportable?: boolean } = {}
): Period {
	return {
		id,
		...span,
		startDate: isoDay(span.start),
		endDate: isoDay(span.end),
		days: daysBetweenInclusive(span.start, span.end),
		priorYear: links.priorYear ?? null,
		previous: links.previous ?? null,
		reportable: links.reportable ?? true,
		weekNumber: weekNumber(span.end, settings.weekEndingWeekday, settings.fiscalYearEndMonth)
	};
}

/** The week `weeksBack` weeks before the week ending's week: seven days ending on the week-ending weekday. */
export function trailingWeek(weekEnding: number, weeksBack: number): Span {
	const end = addDays(weekEnding, -7 * weeksBack);
	return { start: addDays(end, -6), end };
}

/**
 * The last month that is complete at the week ending: the week ending's own month when the week
 * ends on its last day, else the month before.
 */
export function lastCompleteMonthStart(weekEnding: number): number {
	return addMonths(monthStart(addDays(weekEnding, 1)), -1);
}

/** The calendar month starting on `start`. */
export function month(start: number): Span {
	return { start, end: monthEnd(start) };
}

function toDateStart(span: ToDate, weekEnding: number, fiscalYearEndMonth: number): number {
	switch (span) {
		case 'MTD':
			return monthStart(weekEnding);
		case 'QTD':
			return fiscalQuarterStart(weekEnding, fiscalYearEndMonth);
		case 'YTD':
			return fiscalYearStart(weekEnding, fiscalYearEndMonth);
	}
}

/** All periods of the review of `weekEndingDate` (ISO), in a fixed order. */
export function reviewPeriods(settings: ReviewSettings, weekEndingDate: string): Period[] {
	const weekEnding = epochDay(weekEndingDate);
	const periods: Period[] = [];
	const add = (id: string, span: Span, links?: Parameters<typeof period>[3]) =>
		periods.push(period(id, span, settings, links));
	for (let k = 0; k <= TRAILING_WEEKS; k++) {
		const week = trailingWeek(weekEnding, k);
		add(weekId(k), week, {
			priorYear: k < TRAILING_WEEKS ? priorYearWeekId(k) : undefined,
			previous: k < TRAILING_WEEKS ? weekId(k + 1) : undefined
		});
		if (k < TRAILING_WEEKS) {
			const end = priorYearWeek(week.end);
			add(priorYearWeekId(k), { start: addDays(end, -6), end });
		}
	}
	const lastMonth = lastCompleteMonthStart(weekEnding);
	const yearStart = fiscalYearStart(weekEnding, settings.fiscalYearEndMonth);
	for (let i = -1; i < TRAILING_MONTHS; i++) {
		const trailing = month(addMonths(lastMonth, i - (TRAILING_MONTHS - 1)));
		const fiscal = month(addMonths(yearStart, i));
		add(trailingMonthId(i), trailing, {
			priorYear: i >= 0 ? priorYearTrailingMonthId(i) : undefined,
			previous: i >= 0 ? trailingMonthId(i - 1) : undefined
		});
		add(fiscalMonthId(i), fiscal, {
			priorYear: i >= 0 ? priorYearFiscalMonthId(i) : undefined,
			previous: i >= 0 ? fiscalMonthId(i - 1) : undefined,
			// A fiscal-year chart shows months not yet over as no data, whatever the file holds.
			reportable: fiscal.end <= weekEnding
		});
		if (i >= 0) {
			add(priorYearTrailingMonthId(i), month(priorYearDate(trailing.start)));
			add(priorYearFiscalMonthId(i), month(priorYearDate(fiscal.start)));
		}
	}
	for (const span of TO_DATE) {
		const start = toDateStart(span, weekEnding, settings.fiscalYearEndMonth);
		add(span, { start, end: weekEnding }, { priorYear: priorYearToDateId(span) });
		add(priorYearToDateId(span), { start: priorYearDate(start), end: priorYearDate(weekEnding) });
	}
	return periods;
}
