/**
 * The address of presentation mode: the review's own address (review-url.ts) plus which view, so
 * "Present" opens the review on screen and leaving returns to it.
 *
 *   /present?view=strategic&week=2026-11-21&region=North
 */
import type { View } from '../metrics/types';
import { addressQuery, readAddress, type ReviewAddress } from './review-url';

export const VIEW_PARAM = 'view';

export function readPresentAddress(params: URLSearchParams): ReviewAddress {
	const view: View = params.get(VIEW_PARAM) === 'strategic' ? 'strategic' : 'operational';
	const rest = new URLSearchParams(params);
	rest.delete(VIEW_PARAM);
	return readAddress(view, rest);
}

/** The query of presentation mode for a review's address. */
export function presentQuery(address: ReviewAddress): string {
	const query = addressQuery(address).replace(/^\?/, '');
	return `?${VIEW_PARAM}=${address.view}${query ? `&${query}` : ''}`;
}
