import { describe, expect, it } from 'vitest';
import type { ReviewCard, ReviewView } from './review-view';
import { presentQuery, readPresentAddress } from './present-url';
import { keyMove, moveTo, reviewSlides, slideOf } from './slides';

const card = (id: string) => ({ metric: { id } }) as unknown as ReviewCard;

/** Two inputs then one output, as the operational view orders them. */
const shown = {
	groups: [
		{ kind: 'input', cards: [card('on_time_delivery'), card('page_load_p90')] },
		{ kind: 'output', cards: [card('revenue')] }
	]
} as unknown as ReviewView;

describe('presentation slides', () => {
	it('opens on the exception list, then one card per slide in the view order', () => {
		const slides = reviewSlides(shown);
		expect(slides.map((s) => (s.kind === 'card' ? s.card.metric.id : s.kind))).toEqual([
			'exceptions',
			'on_time_delivery',
			'page_load_p90',
			'revenue'
		]);
		expect(slides[3]).toMatchObject({ group: 'output' });
		expect(slideOf(slides, 'page_load_p90')).toBe(2);
		expect(slideOf(slides, 'not_shown')).toBe(-1);
	});

	it('opens on the written narrative when there is one, the exception list next', () => {
		const slides = reviewSlides(
			shown,
			'# Weekly business review\n\n2 of 3 metrics need attention.'
		);
		expect(slides.map((s) => s.kind)).toEqual(['narrative', 'exceptions', 'card', 'card', 'card']);
		expect(slides[0]).toMatchObject({ markdown: expect.stringContaining('2 of 3 metrics') });
		expect(slideOf(slides, 'page_load_p90')).toBe(3);
	});

	it('moves with arrows, page keys, space, Home and End, and stops at the ends', () => {
		expect(['ArrowRight', 'ArrowDown', 'PageDown', ' '].map((k) => keyMove(k))).toEqual(
			Array(4).fill('next')
		);
		expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => keyMove(k))).toEqual(
			Array(3).fill('previous')
		);
		expect(keyMove(' ', true)).toBe('previous');
		expect(keyMove('Home')).toBe('first');
		expect(keyMove('End')).toBe('last');
		expect(keyMove('Escape')).toBe('leave');
		expect(keyMove('a')).toBeNull();
		// Four slides: 0..3.
		expect(moveTo(0, 'next', 4)).toBe(1);
		expect(moveTo(3, 'next', 4)).toBe(3);
		expect(moveTo(0, 'previous', 4)).toBe(0);
		expect(moveTo(2, 'first', 4)).toBe(0);
		expect(moveTo(0, 'last', 4)).toBe(3);
		expect(moveTo(0, 'last', 0)).toBe(0);
	});
});

describe('presentation address', () => {
	it('carries the view, week and filters there and back', () => {
		const address = {
			view: 'strategic' as const,
			weekEnding: '2026-11-21',
			filters: { region: 'North' }
		};
		const query = presentQuery(address);
		expect(query).toBe('?view=strategic&week=2026-11-21&region=North');
		expect(readPresentAddress(new URLSearchParams(query))).toEqual(address);
		expect(readPresentAddress(new URLSearchParams(''))).toEqual({
			view: 'operational',
			weekEnding: null,
			filters: {}
		});
	});
});
