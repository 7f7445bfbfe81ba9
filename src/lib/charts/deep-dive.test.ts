/** The deep dive's chart options, checked as data (no drawing): what is plotted, where and in what colour. */
import { describe, expect, it } from 'vitest';
import type { Band, Signal } from '../bands/types';
import { theme } from '../theme';
import {
	dailyLineOption,
	dayLabel,
	movingRanges,
	processBehaviourOption,
	signalAt,
	sparklineOption
} from './deep-dive';

type Series = {
	name?: string;
	type: string;
	data: unknown[];
	markLine?: { data: { name: string; yAxis: number }[] };
	markArea?: { data: { xAxis: string }[][] };
};
const seriesOf = (option: object) => (option as { series: Series[] }).series;

const format = { unit: 'duration', unitDetail: 'ms' } as const;

describe('daily detail chart', () => {
	const dates = Array.from({ length: 14 }, (_, i) => `2026-11-${String(8 + i).padStart(2, '0')}`);
	const option = dailyLineOption({
		label: 'Page load time p90',
		format,
		dates,
		values: dates.map((_, i) => 1000 + i),
		priorYear: dates.map((_, i) => (i < 7 ? null : 900))
	});

	it('draws this year solid and last year dashed, nulls as gaps', () => {
		const [thisYear, lastYear] = seriesOf(option);
		expect(thisYear?.data).toHaveLength(14);
		expect(thisYear?.data[13]).toBe(1013);
		expect(lastYear?.name).toBe('Last year (364 days earlier)');
		expect(lastYear?.data.slice(0, 7)).toEqual(Array(7).fill(null));
	});

	it('shades the week under review: its last seven days', () => {
		expect(seriesOf(option)[0]?.markArea?.data).toEqual([
			[{ xAxis: '2026-11-15' }, { xAxis: '2026-11-21' }]
		]);
	});

	it('labels days by weekday and date', () => {
		expect(dayLabel('2026-11-21')).toBe('Sat 21 Nov');
		expect(dayLabel('2026-09-27')).toBe('Sun 27 Sep');
	});
});

const band: Band = {
	method: 'xmr',
	status: 'ok',
	centre: 100,
	lower: 80,
	upper: 120,
	lowerClipped: false,
	naturalLower: 80,
	baseline: { from: '2026-10-03', to: '2026-10-31' },
	averageMovingRange: 7.5,
	movingRangeUpper: 24.51
};
const weeks = ['2026-10-03', '2026-10-10', '2026-10-17', '2026-10-24', '2026-10-31', '2026-11-07'];
// Lower is better: a week above the upper limit is bad news, one below the lower good news.
const signals: Signal[] = [
	{ rule: 'beyond_limit', from: '2026-10-17', to: '2026-10-17', good: true, side: 'below' },
	{ rule: 'beyond_limit', from: '2026-11-07', to: '2026-11-07', good: false, side: 'above' }
];

describe('process-behaviour chart', () => {
	const values = [100, 104, 75, null, 98, 130];
	const option = processBehaviourOption({
		label: 'p90',
		format,
		weekEndings: weeks,
		values,
		band,
		signals
	});
	const [line, points, ranges] = seriesOf(option);

	it("draws the review's centre line and natural process limits, unrounded (3.19% stays 0.0319)", () => {
		expect(
			(line?.markLine as { precision?: number } | undefined)?.precision
		).toBeGreaterThanOrEqual(6);
		expect(line?.markLine?.data.map((m) => [m.name, m.yAxis])).toEqual([
			['Upper limit', 120],
			['Centre', 100],
			['Lower limit', 80]
		]);
	});

	it('colours each signal week good or bad by direction, not by up or down', () => {
		expect(points?.data).toEqual([
			{
				value: [2, 75],
				symbolSize: 9,
				itemStyle: expect.objectContaining({ borderColor: theme.good })
			},
			{ value: [5, 130], symbolSize: 9, itemStyle: expect.objectContaining({ color: theme.bad }) }
		]);
	});

	it('draws the moving ranges below with their upper limit, a gap beside a missing week', () => {
		expect(ranges?.data).toEqual([null, 4, 29, null, null, 32]);
		expect(ranges?.markLine?.data.map((m) => [m.name, m.yAxis])).toEqual([
			['Range limit', 24.51],
			['Average range', 7.5]
		]);
		expect(movingRanges([1, 3, 2])).toEqual([null, 2, 1]);
	});

	it('leaves the limits out for a plan band, which moves week by week', () => {
		const planned = processBehaviourOption({
			label: 'orders',
			format,
			weekEndings: weeks,
			values,
			band: { ...band, method: 'plan', baseline: null },
			signals: []
		});
		expect(seriesOf(planned)[0]?.markLine?.data).toEqual([]);
		expect(seriesOf(planned)).toHaveLength(2);
	});

	it('finds the signal covering each week; a run covers every week in it', () => {
		const run: Signal = {
			rule: 'eight_on_one_side',
			from: '2026-10-10',
			to: '2026-10-24',
			good: false,
			side: 'above'
		};
		expect(signalAt(weeks, [run]).map((s) => s?.rule ?? null)).toEqual([
			null,
			'eight_on_one_side',
			'eight_on_one_side',
			'eight_on_one_side',
			null,
			null
		]);
	});
});

describe('linked metric sparkline', () => {
	it("marks the week under review in its signal's colour", () => {
		const option = sparklineOption({
			format,
			weekEndings: weeks,
			values: [1, 2, 3, 4, 5, 6],
			signal: signals[1] ?? null
		});
		expect(seriesOf(option)[1]?.data).toEqual([
			{ value: [5, 6], symbolSize: 7, itemStyle: expect.objectContaining({ color: theme.bad }) }
		]);
	});
});
