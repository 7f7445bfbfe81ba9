import { describe, expect, it } from 'vitest';
import { targetAssurance } from './assurance';
import { evaluateMetric } from './evaluate';
import type { Band, Direction, MetricBandConfig } from './types';

/** 27 weekly periods: a 26-week baseline and the week under review. */
const periods = Array.from({ length: 27 }, (_, i) =>
	new Date(Date.UTC(2025, 0, 4 + 7 * i)).toISOString().slice(0, 10)
);

/** Values alternating `a`, `b`: centre (a + b) / 2, average moving range |a - b|. */
const alternating = (a: number, b: number) => periods.map((_, i) => (i % 2 ? b : a));

function assuranceOf(values: number[], plan: number | null, direction: Direction) {
	const metric: MetricBandConfig = {
		id: 'm',
		kind: 'output',
		direction,
		plan: periods.map(() => plan)
	};
	return evaluateMetric({ periods, values }, metric, periods.length - 1, { grain: 'week' })
		.assurance;
}

describe('target assurance, on the band’s natural process limits', () => {
	// On-time share alternating 94% and 95%: centre 94.5%, limits 94.5% ± 2.66 × 1 point,
	// 91.84% to 97.16%.
	const onTime = alternating(0.94, 0.95);

	it('a higher-is-better plan below the lower limit is met consistently', () => {
		const assurance = assuranceOf(onTime, 0.9, 'higher_is_better');
		expect(assurance?.verdict).toBe('will_meet');
		expect(assurance?.plan).toBe(0.9);
		expect(assurance?.lower).toBeCloseTo(0.9184, 10);
		expect(assurance?.upper).toBeCloseTo(0.9716, 10);
	});

	it('a plan inside the limits is hit or missed by chance', () => {
		expect(assuranceOf(onTime, 0.93, 'higher_is_better')?.verdict).toBe('hit_or_miss');
		expect(assuranceOf(onTime, 0.97, 'higher_is_better')?.verdict).toBe('hit_or_miss');
	});

	it('a higher-is-better plan above the upper limit will be missed unless the process changes', () => {
		expect(assuranceOf(onTime, 0.98, 'higher_is_better')?.verdict).toBe('will_miss');
	});

	// A latency alternating 100 and 110 ms: centre 105, limits 105 ± 26.6, 78.4 to 131.6.
	const latency = alternating(100, 110);

	it('reads a lower-is-better plan the other way round', () => {
		expect(assuranceOf(latency, 70, 'lower_is_better')?.verdict).toBe('will_miss');
		expect(assuranceOf(latency, 120, 'lower_is_better')?.verdict).toBe('hit_or_miss');
		expect(assuranceOf(latency, 150, 'lower_is_better')?.verdict).toBe('will_meet');
	});

	it('says nothing without a plan, for a neutral metric, or without limits of its own', () => {
		expect(assuranceOf(onTime, null, 'higher_is_better')).toBeNull();
		expect(assuranceOf(onTime, 0.9, 'neutral')).toBeNull();
		// Four weeks are too few for limits.
		const short = { periods: periods.slice(0, 4), values: onTime.slice(0, 4) };
		const metric: MetricBandConfig = {
			id: 'm',
			kind: 'output',
			direction: 'higher_is_better',
			plan: [0.9, 0.9, 0.9, 0.9]
		};
		expect(evaluateMetric(short, metric, 3).assurance).toBeNull();
		// A band drawn from the plan itself says nothing of the process.
		const planBand: Band = {
			method: 'plan',
			status: 'ok',
			centre: 0.93,
			lower: 0.92,
			upper: 0.94,
			lowerClipped: false,
			naturalLower: 0.92,
			baseline: null
		};
		expect(targetAssurance(0.93, planBand, 'higher_is_better')).toBeNull();
	});

	it('reads the computed lower limit, not the one raised to the metric’s floor', () => {
		const band: Band = {
			method: 'xmr',
			status: 'ok',
			centre: 5,
			lower: 0,
			upper: 12,
			lowerClipped: true,
			naturalLower: -2,
			baseline: { from: periods[0] as string, to: periods[25] as string }
		};
		// Plan -1 is above the natural lower limit -2: inside, not below the drawn 0.
		expect(targetAssurance(-1, band, 'higher_is_better')?.verdict).toBe('hit_or_miss');
		expect(targetAssurance(-3, band, 'higher_is_better')?.verdict).toBe('will_meet');
	});
});
