/**
 * Which periods a band is computed from, and which periods are searched for signals. Everything is
 * in series positions; periods after the review are never read, except by a locked baseline,
 * which the user chose on purpose.
 */
import type { Grain, PeriodRange, Series } from './types';

/** Half a year of weeks, two years of months: enough for limits to settle, short enough to be current. */
export const DEFAULT_BASELINE_WINDOW: Record<Grain, number> = { week: 26, month: 24 };
/** Below 8 values the limits move too much from one week to the next to be worth drawing. */
export const DEFAULT_MINIMUM_POINTS = 8;

/** Inclusive positions; empty when `last < first`. */
export interface PositionRange {
	first: number;
	last: number;
}

/** The position of the period under review, given as a position or as a period-end date. */
export function reviewPosition(series: Series, reviewPeriod: number | string): number {
	const position =
		typeof reviewPeriod === 'number' ? reviewPeriod : series.periods.indexOf(reviewPeriod);
	if (!Number.isInteger(position) || position < 0 || position >= series.periods.length) {
		throw new RangeError(`period under review ${String(reviewPeriod)} is not in the series`);
	}
	return position;
}

/**
 * Where the current process starts: the first period ending on or after the latest known change
 * that is not after the period under review. A change inside a period starts the new process at
 * that period, so a launch on a Wednesday belongs to the week ending that Saturday.
 */
export function processStart(
	periods: readonly string[],
	knownChanges: readonly string[],
	review: number
): { position: number; change: string | null } {
	let start = { position: 0, change: null as string | null };
	for (const change of knownChanges) {
		const position = periods.findIndex((periodEnd) => periodEnd >= change);
		if (position === -1 || position > review) continue;
		if (position >= start.position) start = { position, change };
	}
	return start;
}

/**
 * A rolling baseline is the `window` periods just before the review (the review itself excluded,
 * so an unusual week cannot widen its own limits), cut at the start of the current process.
 */
export function rollingBaseline(review: number, window: number, start: number): PositionRange {
	return { first: Math.max(start, review - window), last: review - 1 };
}

export function lockedBaseline(periods: readonly string[], locked: PeriodRange): PositionRange {
	const first = periods.findIndex((periodEnd) => periodEnd >= locked.from);
	let last = -1;
	periods.forEach((periodEnd, position) => {
		if (periodEnd <= locked.to) last = position;
	});
	return first === -1 ? { first: 0, last: -1 } : { first, last };
}

/** Signals are looked for over the baseline window's length up to and including the review. */
export function signalWindow(review: number, window: number, start: number): PositionRange {
	return { first: Math.max(start, review - window), last: review };
}
