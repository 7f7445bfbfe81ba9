/**
 * A metric's deep dive has the review's address (week and segment filters) under its own path:
 *
 *   /metric/page_load_p90?week=2026-11-21&channel=web
 */
import { resolve } from '$app/paths';
import { addressQuery, type ReviewAddress } from './review-url';

export function deepDiveHref(
	metricId: string,
	address: Pick<ReviewAddress, 'weekEnding' | 'filters'>
): string {
	return resolve('/metric/[id]', { id: metricId }) + addressQuery(address);
}
