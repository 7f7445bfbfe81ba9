/**
 * Presentation mode's deck: the written narrative, the exception list, then one card per slide in the view's order
 * (the order the review page shows them), and the keys a presenter uses to move through it. Pure,
 * so the order and the keys are tested without a browser.
 */
import type { MetricKind } from '../metrics/types';
import type { ReviewCard, ReviewView } from './review-view';

export type Slide =
	| { kind: 'narrative'; markdown: string }
	| { kind: 'exceptions' }
	| { kind: 'card'; card: ReviewCard; group: MetricKind };

/** The deck: the written narrative first when there is one (../export/narrative.ts), then as below. */
export function reviewSlides(shown: ReviewView, narrative?: string): Slide[] {
	return [
		...(narrative ? [{ kind: 'narrative', markdown: narrative } as const] : []),
		{ kind: 'exceptions' },
		...shown.groups.flatMap((group) =>
			group.cards.map((card): Slide => ({ kind: 'card', card, group: group.kind }))
		)
	];
}

export type Move = 'next' | 'previous' | 'first' | 'last' | 'leave';

/**
 * The keys of a slide deck and of a presenter's clicker (which sends PageDown and PageUp).
 * Shift+Space goes back, as it scrolls back on a page.
 */
export function keyMove(key: string, shiftKey = false): Move | null {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
			return 'next';
		case ' ':
			return shiftKey ? 'previous' : 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'Escape':
			return 'leave';
		default:
			return null;
	}
}

/** The slide a move lands on; the deck stops at its ends rather than wrapping round. */
export function moveTo(index: number, move: Exclude<Move, 'leave'>, count: number): number {
	const last = Math.max(count - 1, 0);
	const target =
		move === 'next' ? index + 1 : move === 'previous' ? index - 1 : move === 'first' ? 0 : last;
	return Math.min(Math.max(target, 0), last);
}

/** The slide showing a metric's card, for the exception list's links; -1 when it has none. */
export function slideOf(slides: readonly Slide[], metricId: string): number {
	return slides.findIndex((s) => s.kind === 'card' && s.card.metric.id === metricId);
}
