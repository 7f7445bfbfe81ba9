/**
 * The address of a review: the view is the route, the week and the segment filters are the query,
 * so a link (or a reload) reopens the same review:
 *
 *   /operational?week=2026-11-21&region=North&channel=web
 *
 * `week` is an ISO week-ending date (left out: the last complete week); every other parameter is
 * a segment column of the data and the one value the review is filtered to.
 */
import type { View } from '../metrics/types';

export const WEEK_PARAM = 'week';

export type SegmentFilters = Readonly<Record<string, string>>;

export interface ReviewAddress {
	view: View;
	/** ISO date; null for the default, the last complete week. */
	weekEnding: string | null;
	filters: SegmentFilters;
}

export const REVIEW_PATHS: Record<View, '/operational' | '/strategic'> = {
	operational: '/operational',
	strategic: '/strategic'
};

export function readAddress(view: View, params: URLSearchParams): ReviewAddress {
	const filters: Record<string, string> = {};
	for (const [name, value] of params) {
		if (name !== WEEK_PARAM && value !== '') filters[name] = value;
	}
	return { view, weekEnding: params.get(WEEK_PARAM) || null, filters };
}

/** The query string of an address, filters in name order so one review has one address. */
export function addressQuery(address: Omit<ReviewAddress, 'view'>): string {
	const params = new URLSearchParams();
	if (address.weekEnding) params.set(WEEK_PARAM, address.weekEnding);
	for (const name of Object.keys(address.filters).sort()) {
		const value = address.filters[name];
		if (value) params.set(name, value);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** A cache key for the review an address shows, once the data version is known. */
export function addressKey(address: ReviewAddress, dataVersion: number): string {
	return `${dataVersion}|${address.view}|${address.weekEnding ?? 'latest'}|${addressQuery({ weekEnding: null, filters: address.filters })}`;
}
