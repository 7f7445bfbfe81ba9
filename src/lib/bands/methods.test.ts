import { describe, expect, it } from 'vitest';
import { evaluateMetric } from './evaluate';
import { weekEndings } from './testing';
import type { MetricBandConfig } from './types';

const periods = weekEndings(10);
const latency: MetricBandConfig = { id: 'latency', direction: 'lower_is_better', kind: 'input' };

describe('plan ± tolerance', () => {
	const plan = Array<number | null>(10).fill(100);

	it('puts a percent tolerance either side of the plan for the period under review', () => {
		const metric: MetricBandConfig = {
			...latency,
			plan,
			band: { method: 'plan', tolerance: { percent: 5 } }
		};
		const values = [100, 101, 99, 100, 102, 98, 100, 101, 99, 94];
		const result = evaluateMetric({ periods, values }, metric, 9);
		expect(result.band).toMatchObject({
			method: 'plan',
			status: 'ok',
			centre: 100,
			lower: 95,
			upper: 105,
			baseline: null
		});
		// 94 is below 95: latency under plan is good news.
		expect(result.signals).toEqual([
			{ rule: 'beyond_limit', from: periods[9], to: periods[9], good: true, side: 'below' }
		]);
	});

	it('follows a plan that changes week to week, and finds 8 weeks in a row under plan', () => {
		const risingPlan = [90, 92, 94, 96, 98, 100, 102, 104, 106, 108];
		const values = [91, 91, 93, 95, 97, 99, 101, 103, 105, 107];
		const metric: MetricBandConfig = {
			id: 'orders',
			direction: 'higher_is_better',
			kind: 'output',
			plan: risingPlan,
			band: { method: 'plan', tolerance: { absolute: 3 } }
		};
		const result = evaluateMetric({ periods, values }, metric, 9);
		expect(result.band).toMatchObject({ centre: 108, lower: 105, upper: 111 });
		expect(result.signals).toEqual([
			{ rule: 'eight_on_one_side', from: periods[1], to: periods[9], good: false, side: 'below' }
		]);
	});

	it('has no band without a plan for the period under review', () => {
		const gap = [...plan.slice(0, 9), null];
		const metric: MetricBandConfig = {
			...latency,
			plan: gap,
			band: { method: 'plan', tolerance: { percent: 5 } }
		};
		const result = evaluateMetric({ periods, values: Array(10).fill(200) }, metric, 9);
		expect(result.band).toMatchObject({ status: 'no_plan', centre: null });
		expect(result.exception).toBeNull();
		const noPlan = { ...metric, plan: undefined };
		expect(evaluateMetric({ periods, values: Array(10).fill(1) }, noPlan, 9).band.status).toBe(
			'no_plan'
		);
	});

	it('refuses a plan that is not aligned with the periods', () => {
		const metric: MetricBandConfig = {
			...latency,
			plan: [100],
			band: { method: 'plan', tolerance: { percent: 5 } }
		};
		expect(() => evaluateMetric({ periods, values: Array(10).fill(1) }, metric, 9)).toThrow(
			RangeError
		);
	});
});

describe('year-over-year change within ± tolerance', () => {
	it('centres on last year plus the expected change, with a tolerance in percent of last year', () => {
		// Last year 200; expected +5% → centre 210; ±10% of 200 = ±20 → 190 to 230.
		const metric: MetricBandConfig = {
			id: 'gift_cards',
			direction: 'higher_is_better',
			kind: 'output',
			priorYear: Array(10).fill(200),
			band: { method: 'yoy', tolerancePercent: 10, expectedChangePercent: 5 }
		};
		const values = [205, 212, 208, 215, 209, 211, 207, 213, 210, 240];
		const result = evaluateMetric({ periods, values }, metric, 9);
		expect(result.band).toMatchObject({ method: 'yoy', centre: 210, lower: 190, upper: 230 });
		expect(result.exception).toMatchObject({
			rules: ['beyond_limit'],
			variance: 'above',
			good: true
		});
	});

	it('has no band without last year’s value', () => {
		const metric: MetricBandConfig = {
			...latency,
			band: { method: 'yoy', tolerancePercent: 10 }
		};
		expect(evaluateMetric({ periods, values: Array(10).fill(1) }, metric, 9).band.status).toBe(
			'no_prior_year'
		);
	});
});

describe('fixed range', () => {
	it('uses the midpoint as centre when both limits are given, and clips to the floor', () => {
		const metric: MetricBandConfig = {
			...latency,
			floor: 0,
			band: { method: 'fixed', lower: -10, upper: 30 }
		};
		const result = evaluateMetric({ periods, values: Array(10).fill(12) }, metric, 9);
		expect(result.band).toMatchObject({
			method: 'fixed',
			centre: 10,
			lower: 0,
			naturalLower: -10,
			lowerClipped: true,
			upper: 30
		});
		// Ten weeks at 12, all above the centre 10: a run, which is bad news for latency.
		expect(result.signals).toEqual([
			{ rule: 'eight_on_one_side', from: periods[0], to: periods[9], good: false, side: 'above' }
		]);
	});

	it('allows a one-sided range (a service level), which can only be crossed', () => {
		const metric: MetricBandConfig = { ...latency, band: { method: 'fixed', upper: 200 } };
		const values = [150, 150, 150, 150, 150, 150, 150, 150, 150, 250];
		const result = evaluateMetric({ periods, values }, metric, 9);
		expect(result.band).toMatchObject({ centre: null, lower: null, upper: 200 });
		expect(result.exception).toMatchObject({ rules: ['beyond_limit'], good: false });
		// One-sided: the distance beyond is measured against the limit itself, (250 - 200) / 200.
		expect(result.exception?.severity).toBeCloseTo(1 + 0.25 + 0.5, 10);
	});
});
