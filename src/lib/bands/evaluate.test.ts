import { describe, expect, it } from 'vitest';
import { evaluateMetric } from './evaluate';
import { monthEnds, weekEndings } from './testing';
import type { MetricBandConfig, Series } from './types';

const revenue: MetricBandConfig = { id: 'revenue', direction: 'higher_is_better', kind: 'output' };

/** 10, 12, 10, 12, ...: centre 11 and every moving range 2, whatever even-length stretch is taken. */
function zigzag(count: number): (number | null)[] {
	return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 10 : 12));
}

function weekly(values: (number | null)[]): Series {
	return { periods: weekEndings(values.length), values };
}

describe('evaluateMetric: XmR on a rolling baseline', () => {
	// 30 weeks; the review is the last (position 29); the baseline is positions 3-28 (26 weeks,
	// 13 tens and 13 twelves). Centre 11, average moving range 2, limits 11 ± 5.32 = 5.68 and
	// 16.32, moving range limit 3.268 × 2 = 6.536.
	const values = zigzag(30);
	values[29] = 20;
	const series = weekly(values);
	const result = evaluateMetric(series, revenue, 29);

	it('computes limits from the 26 weeks before the review, not the review itself', () => {
		expect(result.band).toMatchObject({
			method: 'xmr',
			status: 'ok',
			centre: 11,
			averageMovingRange: 2,
			baseline: { from: series.periods[3], to: series.periods[28] },
			baselinePoints: 26,
			baselineLocked: false,
			lowerClipped: false
		});
		expect(result.band.lower).toBeCloseTo(5.68, 10);
		expect(result.band.upper).toBeCloseTo(16.32, 10);
		expect(result.band.movingRangeUpper).toBeCloseTo(6.536, 10);
	});

	it('reports the spike as beyond the limit and as a jump, both good news for revenue', () => {
		expect(result.period).toBe('2025-06-28');
		expect(result.value).toBe(20);
		expect(result.signals).toEqual([
			{ rule: 'beyond_limit', from: '2025-06-28', to: '2025-06-28', good: true, side: 'above' },
			{ rule: 'moving_range', from: '2025-06-21', to: '2025-06-28', good: true, side: 'above' }
		]);
		expect(result.earlierSignals).toEqual([]);
	});

	it('makes it an exception with severity 2 rules + (20 - 16.32) / 10.64 band widths', () => {
		expect(result.exception).toMatchObject({
			metricId: 'revenue',
			rules: ['beyond_limit', 'moving_range'],
			value: 20,
			variance: 'above',
			good: true
		});
		expect(result.exception?.severity).toBeCloseTo(2 + 3.68 / 10.64, 10);
	});

	it('accepts the review as a period-end date and refuses one that is not in the series', () => {
		expect(evaluateMetric(series, revenue, '2025-06-28')).toEqual(result);
		expect(() => evaluateMetric(series, revenue, '2025-06-27')).toThrow(RangeError);
		expect(() => evaluateMetric(series, revenue, 30)).toThrow(RangeError);
	});

	it('ignores periods after the review', () => {
		const later = evaluateMetric(weekly([...values.slice(0, 29), 11, 500]), revenue, 29);
		expect(later.signals).toEqual([]);
		expect(later.band.centre).toBe(11);
	});

	it('takes 24 months before the review on a monthly series', () => {
		const monthly = { periods: monthEnds(30), values: zigzag(30) };
		const band = evaluateMetric(monthly, revenue, 29, { grain: 'month' }).band;
		expect(band.baselinePoints).toBe(24);
		expect(band.baseline).toEqual({ from: monthly.periods[5], to: monthly.periods[28] });
	});

	it('uses the median moving range when asked', () => {
		const band = evaluateMetric(series, { ...revenue, band: { method: 'xmr_median' } }, 29).band;
		expect(band.medianMovingRange).toBe(2);
		expect(band.upper).toBeCloseTo(11 + 3.145 * 2, 10);
		expect(band.movingRangeUpper).toBeCloseTo(3.865 * 2, 10);
	});
});

describe('evaluateMetric: not enough history', () => {
	it('says so with fewer than 8 values before the review, instead of drawing a band', () => {
		const result = evaluateMetric(weekly([...zigzag(7), 50]), revenue, 7);
		expect(result.band).toMatchObject({
			status: 'not_enough_history',
			centre: null,
			lower: null,
			upper: null,
			baseline: null,
			baselinePoints: 7
		});
		expect(result.signals).toEqual([]);
		expect(result.exception).toBeNull();
		expect(evaluateMetric(weekly([...zigzag(8), 50]), revenue, 8).band.status).toBe('ok');
	});

	it('skips missing values rather than reading them as 0', () => {
		// 10 weeks before the review, 3 of them empty: 7 values, not enough.
		const values = [10, null, 12, 10, null, 12, 10, null, 12, 10, 11];
		expect(evaluateMetric(weekly(values), revenue, 10).band.status).toBe('not_enough_history');
		// With one more value the baseline is 10, 12, 10, 12, 10, 12, 10, 12: centre 11.
		const band = evaluateMetric(weekly([12, ...values]), revenue, 11).band;
		expect(band.centre).toBe(11);
		expect(band.averageMovingRange).toBe(2);
	});

	it('treats NaN and Infinity as no data', () => {
		const values = [...zigzag(8), NaN, Infinity, 11];
		const result = evaluateMetric(weekly(values), revenue, 10);
		expect(result.band).toMatchObject({ status: 'ok', baselinePoints: 8, centre: 11 });
		expect(evaluateMetric(weekly([...zigzag(8), NaN]), revenue, 8).value).toBeNull();
	});

	it('honours a larger minimum', () => {
		const metric = { ...revenue, band: { method: 'xmr' as const, minimumPoints: 12 } };
		expect(evaluateMetric(weekly(zigzag(12)), metric, 11).band.status).toBe('not_enough_history');
	});
});

describe('evaluateMetric: known changes and locked baselines', () => {
	// 20 weeks around 100 (99, 101, ...), then a launch: 10 weeks around 200 (199, 201, ...).
	const values = [
		...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 99 : 101)),
		...Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 199 : 201))
	];
	const series = weekly(values);
	const launchWeek = series.periods[20] as string;

	it('without the change, the old level pulls the band down and the new level is a signal', () => {
		const result = evaluateMetric(series, revenue, 29);
		expect(result.band.centre).toBeLessThan(150);
		expect(result.signals.map((signal) => signal.rule)).toContain('eight_on_one_side');
	});

	it('after a marked change, computes limits from the data since the change only', () => {
		// A launch on the Wednesday belongs to the week ending that Saturday (position 20).
		const wednesday = new Date(Date.parse(`${launchWeek}T00:00:00Z`) - 3 * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const result = evaluateMetric(series, { ...revenue, knownChanges: [wednesday] }, 29);
		// Positions 20-28: 199, 201, ..., 199 (five 199s, four 201s): centre 1799 / 9 = 199.89, mR 2.
		expect(result.band).toMatchObject({
			status: 'ok',
			baseline: { from: launchWeek, to: series.periods[28] },
			baselinePoints: 9,
			processChange: wednesday,
			averageMovingRange: 2
		});
		expect(result.band.centre).toBeCloseTo(1799 / 9, 10);
		expect(result.signals).toEqual([]);
		expect(result.earlierSignals).toEqual([]);
	});

	it('needs 8 values after a change before it draws a band again', () => {
		const metric = { ...revenue, knownChanges: [series.periods[23] as string] };
		expect(evaluateMetric(series, metric, 29).band.status).toBe('not_enough_history');
	});

	it('ignores changes after the period under review', () => {
		const metric = { ...revenue, knownChanges: [launchWeek] };
		expect(evaluateMetric(series, metric, 19).band.processChange).toBeUndefined();
	});

	it('keeps a locked baseline fixed as the review moves on', () => {
		const lockedBaseline = { from: series.periods[0] as string, to: series.periods[9] as string };
		const metric: MetricBandConfig = { ...revenue, band: { method: 'xmr', lockedBaseline } };
		const result = evaluateMetric(series, metric, 29);
		expect(result.band).toMatchObject({
			centre: 100,
			averageMovingRange: 2,
			baseline: lockedBaseline,
			baselineLocked: true
		});
		// Every week since the launch is far above 100 ± 5.32, so three rules agree.
		expect(result.exception?.rules).toEqual(['beyond_limit', 'three_of_four', 'eight_on_one_side']);
	});
});

describe('evaluateMetric: floor', () => {
	it('clips a lower limit below 0 for a count, and says so', () => {
		// Baseline 1, 3, 1, 3, ... (10 values): centre 2, mR 2, natural lower limit 2 - 5.32 = -3.32.
		const values = Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? 1 : 3));
		const band = evaluateMetric(weekly(values), { ...revenue, floor: 0 }, 10).band;
		expect(band.lower).toBe(0);
		expect(band.lowerClipped).toBe(true);
		expect(band.naturalLower).toBeCloseTo(-3.32, 10);
	});
});

describe('evaluateMetric: rules', () => {
	const values = zigzag(30);
	values[29] = 20;
	it('applies the metric’s rules over the review’s, and the review’s over the default', () => {
		const series = weekly(values);
		const onlyJumps = evaluateMetric(series, revenue, 29, { rules: ['moving_range'] });
		expect(onlyJumps.signals.map((signal) => signal.rule)).toEqual(['moving_range']);
		const metric = { ...revenue, rules: ['beyond_limit' as const] };
		const own = evaluateMetric(series, metric, 29, { rules: ['moving_range'] });
		expect(own.signals.map((signal) => signal.rule)).toEqual(['beyond_limit']);
	});

	it('has no exception when the review has no value, and keeps earlier signals apart', () => {
		const series = weekly([...values, null]);
		const result = evaluateMetric(series, revenue, 30);
		expect(result.value).toBeNull();
		expect(result.signals).toEqual([]);
		expect(result.exception).toBeNull();
		expect(result.earlierSignals.map((signal) => signal.to)).toEqual([
			series.periods[29],
			series.periods[29]
		]);
	});
});
