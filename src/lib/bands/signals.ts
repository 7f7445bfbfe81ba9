/**
 * Wheeler's detection rules, applied to successive values against a band that may move from period
 * to period (a plan band does; process limits do not). Missing values are skipped, so "successive"
 * means successive values that exist: a gap neither breaks a run nor counts towards it.
 */
import type { Direction, Side, SignalRule } from './types';

export const SIGNAL_RULES: readonly SignalRule[] = [
	'beyond_limit',
	'three_of_four',
	'eight_on_one_side',
	'moving_range'
];

/** One value and the band that applies to its period. Limits are natural, never clipped. */
export interface BandPoint {
	/** Position in the series, so signals can be mapped back to periods. */
	index: number;
	value: number;
	centre: number | null;
	lower: number | null;
	upper: number | null;
}

/** A signal in series positions; `first` and `last` are inclusive. */
export interface SignalSpan {
	rule: SignalRule;
	side: Side;
	first: number;
	last: number;
}

const RUN_LENGTH = 8;

export function detectSignals(
	points: readonly BandPoint[],
	rules: readonly SignalRule[],
	movingRangeUpper: number | null = null
): SignalSpan[] {
	const spans: SignalSpan[] = [];
	if (rules.includes('beyond_limit')) spans.push(...beyondLimit(points));
	if (rules.includes('three_of_four')) spans.push(...threeOfFour(points));
	if (rules.includes('eight_on_one_side')) spans.push(...eightOnOneSide(points));
	if (rules.includes('moving_range') && movingRangeUpper !== null) {
		spans.push(...movingRangeBeyond(points, movingRangeUpper));
	}
	return spans.sort(
		(a, b) =>
			a.last - b.last ||
			SIGNAL_RULES.indexOf(a.rule) - SIGNAL_RULES.indexOf(b.rule) ||
			a.first - b.first
	);
}

/** Strictly beyond: a value exactly on a limit is not a signal. One signal per value. */
function beyondLimit(points: readonly BandPoint[]): SignalSpan[] {
	const spans: SignalSpan[] = [];
	for (const point of points) {
		const side =
			point.upper !== null && point.value > point.upper
				? 'above'
				: point.lower !== null && point.value < point.lower
					? 'below'
					: null;
		if (side) spans.push({ rule: 'beyond_limit', side, first: point.index, last: point.index });
	}
	return spans;
}

/** Nearer the limit than the centre line means strictly past the midpoint between them. */
function nearLimit(point: BandPoint, side: Side): boolean {
	if (point.centre === null) return false;
	const limit = side === 'above' ? point.upper : point.lower;
	if (limit === null) return false;
	const midpoint = (point.centre + limit) / 2;
	return side === 'above' ? point.value > midpoint : point.value < midpoint;
}

/**
 * Each window of 4 successive values with 3 or more near one limit fires. The signal covers the
 * near-limit values only (so a fourth value back inside the band is not part of it), and windows
 * that overlap are reported once.
 */
function threeOfFour(points: readonly BandPoint[]): SignalSpan[] {
	const spans: SignalSpan[] = [];
	for (const side of ['above', 'below'] as const) {
		// Judged once per value, then a window of four slides over the flags (no copies per window).
		const near = points.map((point) => nearLimit(point, side));
		let open: SignalSpan | null = null;
		for (let end = 3; end < points.length; end++) {
			let count = 0;
			let firstNear = -1;
			let lastNear = -1;
			for (let i = end - 3; i <= end; i++) {
				if (!near[i]) continue;
				count++;
				if (firstNear < 0) firstNear = i;
				lastNear = i;
			}
			if (count < 3) continue;
			const first = (points[firstNear] as BandPoint).index;
			const last = (points[lastNear] as BandPoint).index;
			if (open && first <= open.last) {
				open.last = Math.max(open.last, last);
			} else {
				open = { rule: 'three_of_four', side, first, last };
				spans.push(open);
			}
		}
	}
	return spans;
}

/** Maximal runs of 8 or more; a value exactly on the centre line belongs to neither side. */
function eightOnOneSide(points: readonly BandPoint[]): SignalSpan[] {
	const spans: SignalSpan[] = [];
	let runSide: Side | null = null;
	let runStart = 0;
	const close = (end: number) => {
		if (runSide && end - runStart >= RUN_LENGTH) {
			spans.push({
				rule: 'eight_on_one_side',
				side: runSide,
				first: (points[runStart] as BandPoint).index,
				last: (points[end - 1] as BandPoint).index
			});
		}
	};
	points.forEach((point, i) => {
		const side =
			point.centre === null || point.value === point.centre
				? null
				: point.value > point.centre
					? 'above'
					: 'below';
		if (side !== runSide) {
			close(i);
			runSide = side;
			runStart = i;
		}
	});
	close(points.length);
	return spans;
}

/** The side of a moving range is the direction of the jump. */
function movingRangeBeyond(points: readonly BandPoint[], upper: number): SignalSpan[] {
	const spans: SignalSpan[] = [];
	for (let i = 1; i < points.length; i++) {
		const previous = points[i - 1] as BandPoint;
		const current = points[i] as BandPoint;
		if (Math.abs(current.value - previous.value) > upper) {
			spans.push({
				rule: 'moving_range',
				side: current.value > previous.value ? 'above' : 'below',
				first: previous.index,
				last: current.index
			});
		}
	}
	return spans;
}

/** Above the band is good news when higher is better, bad when lower is better. */
export function isGoodNews(side: Side, direction: Direction): boolean | null {
	if (direction === 'neutral') return null;
	return (side === 'above') === (direction === 'higher_is_better');
}
