import { describe, expect, it } from 'vitest';
import type { Band, Exception, Signal } from '../bands/types';
import {
	assuranceInWords,
	bandInWords,
	chartLabel,
	exceptionRulesInWords,
	metricStatus,
	noteInWords,
	periodsCovered,
	ruleInWords,
	varianceCue
} from './describe';

const band: Band = {
	method: 'xmr',
	status: 'ok',
	centre: 100,
	lower: 80,
	upper: 120,
	lowerClipped: false,
	naturalLower: 80,
	baseline: null
};
const signal = (overrides: Partial<Signal>): Signal => ({
	rule: 'beyond_limit',
	from: '2025-09-20',
	to: '2025-09-20',
	good: false,
	side: 'above',
	...overrides
});

describe('ruleInWords', () => {
	it('says which limit a value went beyond', () => {
		expect(ruleInWords(signal({ side: 'above' }), 'week')).toBe('beyond the upper limit');
		expect(ruleInWords(signal({ side: 'below' }), 'week')).toBe('beyond the lower limit');
	});

	it('counts the weeks or months of a run from its dates', () => {
		// 2025-07-26 to 2025-09-13 is 49 days: 8 Saturdays.
		const run = signal({ rule: 'eight_on_one_side', from: '2025-07-26', to: '2025-09-13' });
		expect(ruleInWords(run, 'week')).toBe('8 weeks above centre');
		const months = signal({ rule: 'eight_on_one_side', from: '2024-11-30', to: '2025-08-31' });
		expect(ruleInWords({ ...months, side: 'below' }, 'month')).toBe('10 months below centre');
	});

	it('names near-limit runs and jumps in plain words', () => {
		expect(ruleInWords(signal({ rule: 'three_of_four', side: 'below' }), 'month')).toBe(
			'3 of 4 months near the lower limit'
		);
		expect(ruleInWords(signal({ rule: 'moving_range', side: 'below' }), 'week')).toBe(
			'unusual drop from the week before'
		);
	});
});

describe('periodsCovered', () => {
	it('counts both ends', () => {
		expect(periodsCovered('2025-09-20', '2025-09-20', 'week')).toBe(1);
		expect(periodsCovered('2024-12-31', '2025-02-28', 'month')).toBe(3);
	});
});

describe('metricStatus', () => {
	it('says within band when nothing fired in the period under review', () => {
		expect(metricStatus(band, [], 'week').text).toBe('within band');
		const earlier = signal({ from: '2025-08-16', to: '2025-08-16' });
		expect(metricStatus(band, [earlier], 'week', '2025-09-20')).toEqual({
			text: 'within band',
			tone: 'within'
		});
	});

	it('names the most telling signal and whether it is good or bad news', () => {
		const run = signal({ rule: 'eight_on_one_side', from: '2025-07-26', to: '2025-09-20' });
		const beyond = signal({ good: false });
		expect(metricStatus(band, [run, beyond], 'week', '2025-09-20')).toEqual({
			text: 'signal: beyond the upper limit, bad',
			tone: 'bad',
			side: 'above'
		});
		expect(metricStatus(band, [signal({ good: null })], 'week').text).toBe(
			'signal: beyond the upper limit'
		);
	});

	it('never calls a metric without a band "within band"', () => {
		expect(metricStatus(null, null, 'week').text).toBe('no expected band');
		// Monthly data has no week to judge; its months are judged as any metric's.
		expect(metricStatus(band, [], 'week', undefined, 'month')).toEqual({
			text: 'monthly data: judged in the strategic review',
			tone: 'unknown'
		});
		expect(metricStatus(band, [], 'month', undefined, 'month').text).toBe('within band');
		const short: Band = { ...band, status: 'not_enough_history', lower: null, upper: null };
		expect(metricStatus(short, [], 'week')).toEqual({
			text: 'not enough history',
			tone: 'unknown'
		});
	});
});

describe('varianceCue', () => {
	it('gives an arrow and words, so the direction reads without colour', () => {
		expect(varianceCue('above', false)).toEqual({ arrow: '▲', words: 'above the band, bad' });
		expect(varianceCue('below', true)).toEqual({ arrow: '▼', words: 'below the band, good' });
		expect(varianceCue('below', null).words).toBe('below the band');
	});
});

describe('noteInWords', () => {
	it('explains an n/a', () => {
		expect(noteInWords('no_baseline')).toBe('no data for the period compared with');
		expect(noteInWords(undefined)).toBeUndefined();
	});
});

describe('bandInWords', () => {
	it('formats the band in the metric’s unit', () => {
		const money = { unit: 'currency' as const, unitDetail: 'USD' };
		expect(bandInWords({ lower: 9_000, upper: 11_200 }, money)).toBe('$9K to $11.2K');
		expect(bandInWords({ lower: null, upper: 2 }, { unit: 'duration', unitDetail: 's' })).toBe(
			'at most 2 s'
		);
		expect(bandInWords({ lower: null, upper: null }, money)).toBeUndefined();
	});
});

describe('assuranceInWords', () => {
	const percent = { unit: 'percent' as const };
	it('says whether the process meets its plan, and why, in the metric’s unit', () => {
		// The demo's on-time delivery: plan 93%, weekly limits 93.11% to 95.02%.
		const onTime = { plan: 0.93, lower: 0.9311, upper: 0.9502 };
		expect(assuranceInWords({ verdict: 'will_meet', ...onTime }, percent, 'week')).toEqual({
			headline: 'Meets its plan consistently',
			detail: 'the weekly plan, 93%, is below the lower limit, 93.1%',
			tone: 'good'
		});
		const inside = { verdict: 'hit_or_miss' as const, plan: 0.94, lower: 0.9311, upper: 0.9502 };
		expect(assuranceInWords(inside, percent, 'month')).toEqual({
			headline: 'Hits or misses its plan by chance',
			detail: 'the monthly plan, 94%, is inside the limits, 93.1% to 95%',
			tone: 'neutral'
		});
		const latency = { verdict: 'will_miss' as const, plan: 70, lower: 78.4, upper: 131.6 };
		expect(assuranceInWords(latency, { unit: 'duration', unitDetail: 'ms' }, 'week').headline).toBe(
			'Will miss its plan unless the process changes'
		);
	});
});

describe('exceptionRulesInWords', () => {
	it('names each rule that fired once, in the exception’s order', () => {
		const exception: Exception = {
			metricId: 'orders',
			kind: 'output',
			rules: ['beyond_limit', 'eight_on_one_side'],
			signals: [
				signal({}),
				signal({ rule: 'eight_on_one_side', from: '2025-07-26', to: '2025-09-20' })
			],
			period: '2025-09-20',
			value: 131,
			band: { centre: 100, lower: 80, upper: 120 },
			variance: 'above',
			good: false,
			severity: 2.3
		};
		expect(exceptionRulesInWords(exception, 'week')).toBe(
			'beyond the upper limit; 9 weeks above centre'
		);
	});
});

describe('chartLabel', () => {
	it('summarises the chart in one sentence', () => {
		expect(
			chartLabel({
				label: 'Orders',
				lastWeek: 131,
				band,
				status: 'signal: beyond the upper limit, good',
				grain: 'week',
				format: { unit: 'count' }
			})
		).toBe(
			'Orders: six weeks and twelve months, this year against last year; last week 131; ' +
				'expected 80 to 120 (weekly); signal: beyond the upper limit, good'
		);
	});
});
