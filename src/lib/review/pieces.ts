/**
 * A period's days as pieces the review has aggregated already: a week (seven days ending on the
 * review's weekday), whole calendar months, and the days at either end that are neither. A
 * review's weeks and months are one piece each; a span to date is its whole months plus the days
 * of the month under way. Pieces run oldest first and never overlap.
 */
import { dayOfWeek, monthFirstDay, monthLastDay, monthNumber } from '../periods/epochDays';

export type Piece =
	| { kind: 'week'; end: number }
	| { kind: 'month'; month: number }
	| { kind: 'days'; start: number; end: number };

/** The pieces of `start`..`end` (day numbers, inclusive), for weeks ending on `weekday` (Sunday = 0). */
export function piecesOf(start: number, end: number, weekday: number): Piece[] {
	if (end < start) return [];
	if (end - start === 6 && dayOfWeek(end) === weekday) return [{ kind: 'week', end }];
	// The whole months inside: from the first month starting on or after `start` to the last
	// ending on or before `end`.
	const first =
		monthFirstDay(monthNumber(start)) === start ? monthNumber(start) : monthNumber(start) + 1;
	const last = monthLastDay(monthNumber(end)) === end ? monthNumber(end) : monthNumber(end) - 1;
	if (first > last) return [{ kind: 'days', start, end }];
	const pieces: Piece[] = [];
	const firstDay = monthFirstDay(first);
	if (start < firstDay) pieces.push({ kind: 'days', start, end: firstDay - 1 });
	for (let month = first; month <= last; month++) pieces.push({ kind: 'month', month });
	const lastDay = monthLastDay(last);
	if (lastDay < end) pieces.push({ kind: 'days', start: lastDay + 1, end });
	return pieces;
}
