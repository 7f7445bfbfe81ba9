import { describe, expect, it } from 'vitest';
import { buildException, describeSummary, rankExceptions, severity } from './exceptions';
import type { Band, MetricEvaluation, Signal } from './types';

/** A band from 90 to 110 around 100: 20 wide. */
const band: Band = {
	method: 'xmr',
	status: 'ok',
	centre: 100,
	lower: 90,
	upper: 110,
	lowerClipped: false,
	naturalLower: 90,
	baseline: { from: '2025-01-04', to: '2025-06-21' }
};

const signal = (rule: Signal['rule'], side: Signal['side']): Signal => ({
	rule,
	side,
	from: '2025-06-28',
	to: '2025-06-28',
	good: null
});

describe('severity', () => {
	it('adds rules fired, band widths beyond the limit and a bonus for inputs', () => {
		// 120 is 10 above 110; the band is 20 wide: 0.5 band widths.
		expect(severity({ value: 120, band, rulesFired: 1, kind: 'output' })).toBe(1.5);
		expect(severity({ value: 120, band, rulesFired: 1, kind: 'input' })).toBe(2);
		// 86 is 4 below 90: 0.2 band widths; inside the band the distance adds nothing.
		expect(severity({ value: 86, band, rulesFired: 2, kind: 'output' })).toBeCloseTo(2.2, 10);
		expect(severity({ value: 105, band, rulesFired: 2, kind: 'output' })).toBe(2);
	});

	it('measures from the natural lower limit, not the clipped one', () => {
		const clipped = { ...band, lower: 95, naturalLower: 90 };
		expect(severity({ value: 92, band: clipped, rulesFired: 1, kind: 'output' })).toBe(1);
	});

	it('adds no distance for a zero-width band', () => {
		const flat = { ...band, naturalLower: 100, upper: 100 };
		expect(severity({ value: 101, band: flat, rulesFired: 1, kind: 'output' })).toBe(1);
	});
});

describe('buildException', () => {
	const base = {
		metricId: 'on_time_delivery',
		kind: 'input' as const,
		direction: 'higher_is_better' as const,
		period: '2025-06-28',
		band
	};

	it('takes the direction of the variance from the most telling rule', () => {
		const exception = buildException({
			...base,
			value: 80,
			signals: [signal('moving_range', 'above'), signal('beyond_limit', 'below')]
		});
		expect(exception).toMatchObject({
			rules: ['beyond_limit', 'moving_range'],
			variance: 'below',
			good: false,
			value: 80,
			band: { centre: 100, lower: 90, upper: 110 }
		});
	});

	it('is null with no signal, or no value, in the period under review', () => {
		expect(buildException({ ...base, value: 100, signals: [] })).toBeNull();
		const noValue = { ...base, value: null, signals: [signal('beyond_limit', 'above')] };
		expect(buildException(noValue)).toBeNull();
	});
});

function evaluation(
	metricId: string,
	options: { severity?: number; kind?: 'input' | 'output'; status?: Band['status']; value?: null }
): MetricEvaluation {
	const kind = options.kind ?? 'output';
	return {
		metricId,
		kind,
		period: '2025-06-28',
		value: options.value === null ? null : 100,
		band: { ...band, status: options.status ?? 'ok' },
		signals: [],
		earlierSignals: [],
		assurance: null,
		exception:
			options.severity === undefined
				? null
				: {
						metricId,
						kind,
						rules: ['beyond_limit'],
						signals: [],
						period: '2025-06-28',
						value: 100,
						band,
						variance: 'above',
						good: true,
						severity: options.severity
					}
	};
}

describe('rankExceptions', () => {
	it('ranks by severity, then inputs first, then id', () => {
		const { exceptions } = rankExceptions([
			evaluation('b', { severity: 1 }),
			evaluation('a', { severity: 1 }),
			evaluation('c', { severity: 1, kind: 'input' }),
			evaluation('d', { severity: 3 }),
			evaluation('e', {})
		]);
		expect(exceptions.map((exception) => exception.metricId)).toEqual(['d', 'c', 'a', 'b']);
	});

	it('summarises the rest as one count, and does not call a metric without a band "within"', () => {
		const evaluations = [
			...Array.from({ length: 7 }, (_, i) => evaluation(`x${i}`, { severity: 1 })),
			...Array.from({ length: 57 }, (_, i) => evaluation(`ok${i}`, {}))
		];
		const { summary } = rankExceptions(evaluations);
		expect(summary).toEqual({
			metrics: 64,
			exceptions: 7,
			withinBand: 57,
			withoutBand: 0,
			withoutData: 0
		});
		expect(describeSummary(summary)).toBe('57 of 64 metrics within their expected band');

		const partly = rankExceptions([
			...evaluations.slice(0, 62),
			evaluation('new', { status: 'not_enough_history' }),
			evaluation('late', { value: null })
		]).summary;
		expect(describeSummary(partly)).toBe(
			'55 of 64 metrics within their expected band; 1 without a band yet; 1 without data for the period'
		);
	});
});
