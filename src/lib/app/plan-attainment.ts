/**
 * Plan attainment for the strategic review, from the review JSON's `plan`:
 *
 * - year to date: YTD actual / YTD plan − 1 (ahead of plan when that is good news given the
 *   metric's direction);
 * - projected: the YTD pace extended to the fiscal year, YTD actual × days in the fiscal year /
 *   days elapsed. Only for additive metrics (aggregated by `sum`): a rate's or a level's pace is
 *   its YTD value itself. The review JSON carries no full-year plan, so the projection is a total
 *   to read beside the plan, not a second attainment figure (it would equal the YTD one).
 */
import type { Direction } from '../metrics/types';
import type { DateRange, Value } from '../review/types';

export interface PlanAttainment {
	ytdActual: number;
	ytdPlan: number;
	/** YTD actual / YTD plan − 1, a fraction. */
	attainment: number;
	/** Whether the metric is ahead of plan (better than it, given its direction); null when neutral or exactly on plan. */
	ahead: boolean | null;
	/** The fiscal year's total at the YTD pace; null for a metric that does not add up. */
	projectedYear: number | null;
	fiscalYearEnd: string;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) =>
	Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** The last day of the fiscal year that starts on `start` (ISO date). */
export function fiscalYearEnd(start: string): string {
	const date = new Date(`${start}T00:00:00Z`);
	date.setUTCFullYear(date.getUTCFullYear() + 1);
	date.setUTCDate(date.getUTCDate() - 1);
	return date.toISOString().slice(0, 10);
}

export function planAttainment(args: {
	ytdActual: Value;
	ytdPlan: Value | undefined;
	ytd: DateRange;
	direction: Direction;
	additive: boolean;
}): PlanAttainment | null {
	const { ytdActual, ytdPlan, ytd, direction, additive } = args;
	if (ytdActual === null || ytdPlan === null || ytdPlan === undefined || ytdPlan === 0) return null;
	const attainment = ytdActual / ytdPlan - 1;
	const better = direction === 'lower_is_better' ? attainment < 0 : attainment > 0;
	const ahead = direction === 'neutral' || attainment === 0 ? null : better;
	const yearEnd = fiscalYearEnd(ytd.start);
	const projectedYear = additive
		? (ytdActual * days(ytd.start, yearEnd)) / days(ytd.start, ytd.end)
		: null;
	return { ytdActual, ytdPlan, attainment, ahead, projectedYear, fiscalYearEnd: yearEnd };
}
