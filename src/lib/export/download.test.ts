import { describe, expect, it } from 'vitest';
import type { Evidence } from '../evidence/types';
import type { Review } from '../review/types';
import { reviewToJsonBlob } from './download';

// Only the fields this test reads; the rest of a review is passed through untouched.
const review = { weekEnding: '2026-11-21', blocks: [] } as unknown as Review;
const evidence: Evidence = { weeks: 156, links: [], suggested: [] };

describe('the exported review JSON', () => {
	it('is the review alone when there are no notes and no evidence', async () => {
		expect(JSON.parse(await reviewToJsonBlob(review).text())).toEqual({
			weekEnding: '2026-11-21',
			blocks: []
		});
	});

	it('carries the notes and the evidence block beside the review', async () => {
		const blob = reviewToJsonBlob(review, { orders: 'Why? A promotion ended.' }, evidence);
		const exported = JSON.parse(await blob.text());
		expect(exported.rootCauseNotes).toEqual([
			{ metricId: 'orders', text: 'Why? A promotion ended.' }
		]);
		expect(exported.evidence).toEqual({ weeks: 156, links: [], suggested: [] });
	});

	it('carries the week’s comments and actions when there are any', async () => {
		const action = { id: 'a1', metricId: 'orders', what: 'Call the carrier', status: 'open' };
		const blob = reviewToJsonBlob(review, {}, undefined, {
			comments: { orders: 'Investigating' },
			actions: [action]
		});
		const exported = JSON.parse(await blob.text());
		expect(exported.comments).toEqual([{ metricId: 'orders', text: 'Investigating' }]);
		expect(exported.actions).toEqual([action]);
		expect(exported.rootCauseNotes).toBeUndefined();
	});
});
