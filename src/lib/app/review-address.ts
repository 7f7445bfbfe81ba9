/**
 * An address that asks for what the data does not have (`?week=2031-01-04`, `?region=Mars`) is
 * said so, in words, instead of an empty week picker or a blank segment filter.
 */
import { formatDate } from '../format/date';
import type { Segment } from './review-data';
import type { ReviewAddress } from './review-url';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LISTED = 6;

/** What in the address is not in the data, for the user; null when all of it is. */
export function addressProblem(
	address: ReviewAddress,
	weeks: string[],
	segments: Segment[]
): string | null {
	const { weekEnding } = address;
	const newest = weeks[0];
	const oldest = weeks[weeks.length - 1];
	// Not a date at all is the review's own message; a date outside the weeks is said here.
	if (weekEnding && ISO_DAY.test(weekEnding) && newest && oldest) {
		if (weekEnding > newest || weekEnding < oldest) {
			return `There is no week ending ${formatDate(weekEnding)} in the loaded data: its weeks end from ${formatDate(oldest)} to ${formatDate(newest)}. Pick one of those weeks.`;
		}
	}
	for (const [dimension, value] of Object.entries(address.filters)) {
		const segment = segments.find((s) => s.dimension === dimension);
		if (!segment) {
			const columns = segments.map((s) => `“${s.dimension}”`).join(', ');
			return `The loaded data has no segment column “${dimension}” to filter by${columns ? ` (it has ${columns})` : ''}.`;
		}
		if (!segment.values.includes(value)) {
			const some = segment.values.slice(0, LISTED).join(', ');
			const more = segment.values.length > LISTED ? ', …' : '';
			return `No “${dimension}” in the loaded data is “${value}”: it has ${some}${more}.`;
		}
	}
	return null;
}
