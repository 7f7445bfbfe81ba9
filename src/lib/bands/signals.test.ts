import { describe, expect, it } from 'vitest';
import { detectSignals, isGoodNews, SIGNAL_RULES, type BandPoint } from './signals';

/** A band with centre 10 and limits 4 and 16, so the midpoints are 7 and 13. */
function flatBand(values: (number | null)[]): BandPoint[] {
	return values.flatMap((value, index) =>
		value === null ? [] : [{ index, value, centre: 10, lower: 4, upper: 16 }]
	);
}

describe('beyond_limit', () => {
	it('flags values strictly beyond a limit, one signal each, not values on it', () => {
		const spans = detectSignals(flatBand([10, 16, 16.5, 4, 3.9]), ['beyond_limit']);
		expect(spans).toEqual([
			{ rule: 'beyond_limit', side: 'above', first: 2, last: 2 },
			{ rule: 'beyond_limit', side: 'below', first: 4, last: 4 }
		]);
	});

	it('uses only the limits a band has (a one-sided fixed range)', () => {
		const points = [{ index: 0, value: 99, centre: null, lower: 5, upper: null }];
		expect(detectSignals(points, SIGNAL_RULES)).toEqual([]);
	});
});

describe('three_of_four', () => {
	it('covers only the near-limit values of the window', () => {
		// 14, 14, 11, 14: three of four above the midpoint 13; the 11 is nearer the centre.
		const spans = detectSignals(flatBand([10, 14, 14, 11, 14, 10]), ['three_of_four']);
		expect(spans).toEqual([{ rule: 'three_of_four', side: 'above', first: 1, last: 4 }]);
	});

	it('reports overlapping windows once, on either side', () => {
		const spans = detectSignals(flatBand([6, 6, 6, 6, 6, 10, 10, 10, 10]), ['three_of_four']);
		expect(spans).toEqual([{ rule: 'three_of_four', side: 'below', first: 0, last: 4 }]);
	});

	it('needs strictly past the midpoint: 13 is as near the centre as the limit', () => {
		expect(detectSignals(flatBand([13, 13, 13, 13]), ['three_of_four'])).toEqual([]);
	});

	it('does not mix sides: two high and two low is no signal', () => {
		expect(detectSignals(flatBand([14, 6, 14, 6]), ['three_of_four'])).toEqual([]);
	});
});

describe('eight_on_one_side', () => {
	it('reports a maximal run of 8 or more, skipping missing values', () => {
		const values = [9, 11, 11, 11, null, 11, 11, 11, 11, 11, 9];
		expect(detectSignals(flatBand(values), ['eight_on_one_side'])).toEqual([
			{ rule: 'eight_on_one_side', side: 'above', first: 1, last: 9 }
		]);
	});

	it('does not fire on 7, and a value on the centre line breaks a run', () => {
		expect(detectSignals(flatBand([11, 11, 11, 11, 11, 11, 11]), SIGNAL_RULES)).toEqual([]);
		const broken = [11, 11, 11, 11, 10, 11, 11, 11, 11];
		expect(detectSignals(flatBand(broken), ['eight_on_one_side'])).toEqual([]);
	});
});

describe('moving_range', () => {
	it('flags a jump bigger than the moving range limit, with the direction of the jump', () => {
		const spans = detectSignals(flatBand([10, 15, 10, 10.5]), ['moving_range'], 4);
		expect(spans).toEqual([
			{ rule: 'moving_range', side: 'above', first: 0, last: 1 },
			{ rule: 'moving_range', side: 'below', first: 1, last: 2 }
		]);
	});

	it('does nothing without a moving range limit (plan, yoy and fixed bands)', () => {
		expect(detectSignals(flatBand([10, 15, 10]), ['moving_range'])).toEqual([]);
	});
});

describe('rule selection and ordering', () => {
	it('applies only the chosen rules and orders signals by where they end', () => {
		const values = [17, 10, 14, 14, 14];
		expect(detectSignals(flatBand(values), ['three_of_four'])).toHaveLength(1);
		expect(detectSignals(flatBand(values), SIGNAL_RULES, 6).map((span) => span.rule)).toEqual([
			'beyond_limit',
			'moving_range',
			'three_of_four'
		]);
	});
});

describe('isGoodNews', () => {
	it('follows the metric direction', () => {
		expect(isGoodNews('above', 'higher_is_better')).toBe(true);
		expect(isGoodNews('above', 'lower_is_better')).toBe(false);
		expect(isGoodNews('below', 'lower_is_better')).toBe(true);
		expect(isGoodNews('below', 'neutral')).toBeNull();
	});
});
