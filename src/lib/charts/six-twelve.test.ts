import { describe, expect, it } from 'vitest';
import type { Band, Signal } from '../bands/types';
import { theme } from '../theme';
import {
	bandExtent,
	niceStep,
	PANELS,
	sixTwelveFigures,
	sixTwelveOption,
	weekLabel,
	type SixTwelveMetric
} from './six-twelve';

type MarkArea = { data: [{ yAxis: number | string }, { yAxis: number | string }][] };
type MarkLine = { data: [{ coord: [number, number] }, { coord: [number, number] }][] };
type SeriesOption = {
	name: string;
	type: string;
	xAxisIndex: number;
	yAxisIndex: number;
	data: unknown[];
	lineStyle?: { type?: string; opacity?: number };
	symbol?: string;
	markArea?: MarkArea;
	markLine?: MarkLine;
};
type SignalDatum = {
	value: [number, number];
	symbolRotate: number;
	itemStyle: { color: string; borderColor: string };
};
type Option = {
	grid: { left: string; width: string }[];
	xAxis: { data: string[] }[];
	yAxis: {
		axisLabel: { formatter: (v: number) => string };
		min?: number;
		max?: number;
		interval?: number;
	}[];
	series: SeriesOption[];
	legend: { data: string[] };
};

const xAxis = [
	'wk 33',
	'wk 34',
	'wk 35',
	'wk 36',
	'wk 37',
	'wk 38',
	...['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug']
];
/** Saturdays ending the six weeks of `xAxis` (weeks 33 to 38 of 2025). */
const weekEnds = [
	'2025-08-16',
	'2025-08-23',
	'2025-08-30',
	'2025-09-06',
	'2025-09-13',
	'2025-09-20'
];

const band: Band = {
	method: 'xmr',
	status: 'ok',
	centre: 100,
	lower: 80,
	upper: 120,
	lowerClipped: false,
	naturalLower: 80,
	baseline: { from: '2025-02-15', to: '2025-09-13' },
	baselinePoints: 26
};

function metric(overrides: Partial<SixTwelveMetric> = {}): SixTwelveMetric {
	return {
		label: 'Orders',
		unit: 'count',
		showPriorYear: true,
		sixWeeks: { cy: [100, 104, null, 98, 101, 131], py: [95, 97, 99, 96, 100, 102] },
		twelveMonths: {
			cy: [430, 441, 452, 470, 480, 420, 431, 445, 450, 462, 470, null],
			py: [410, 420, 430, 445, 460, 400, 410, 420, 430, 440, 450, 455]
		},
		plan: {
			sixWeeks: [100, 100, 100, 100, 100, 100],
			twelveMonths: [430, 440, 450, 460, 470, 420, 430, 440, 450, 460, 470, 480]
		},
		band,
		signals: null,
		...overrides
	};
}

const build = (m: SixTwelveMetric, grain: 'week' | 'month' = 'week', periodEnds = weekEnds) =>
	sixTwelveOption(m, xAxis, { bandGrain: grain, periodEnds }) as unknown as Option;
const named = (option: Option, name: string) => option.series.filter((s) => s.name === name);

describe('sixTwelveOption', () => {
	it('puts six weeks and twelve months in two panels with a gap between them', () => {
		const option = build(metric());
		expect(option.xAxis[0]?.data).toEqual(xAxis.slice(0, 6));
		expect(option.xAxis[1]?.data).toEqual(xAxis.slice(6));
		const [weeks, months] = option.grid.map((g) => ({
			left: parseFloat(g.left),
			right: parseFloat(g.left) + parseFloat(g.width)
		}));
		expect(weeks!.right).toBeLessThan(months!.left);
		// 6 : 12 periods, so a week and a month take the same width.
		expect(PANELS.months.width / PANELS.weeks.width).toBeCloseTo(2, 1);
		const thisYear = named(option, 'This year');
		expect(thisYear.map((s) => [s.xAxisIndex, s.yAxisIndex])).toEqual([
			[0, 0],
			[1, 1]
		]);
	});

	it('enlarges every axis label and the legend by the text scale, for slides', () => {
		type Sized = { axisLabel: { fontSize: number } };
		const sizes = (option: Option) => {
			const axes = [...option.xAxis, ...option.yAxis] as unknown as Sized[];
			const legend = (option as unknown as { legend: { textStyle: { fontSize: number } } }).legend;
			return [...axes.map((a) => a.axisLabel.fontSize), legend.textStyle.fontSize];
		};
		const normal = sizes(build(metric()));
		const slide = sizes(
			sixTwelveOption(metric(), xAxis, {
				bandGrain: 'week',
				periodEnds: weekEnds,
				textScale: 1.4
			}) as unknown as Option
		);
		expect(normal).toEqual([10, 9, 10, 10, 10]);
		expect(slide).toEqual([14, 13, 14, 14, 14]);
	});

	it('keeps missing periods as gaps, never as 0', () => {
		const [weeks, months] = named(build(metric()), 'This year');
		expect(weeks?.data).toEqual([100, 104, null, 98, 101, 131]);
		expect(months?.data[11]).toBeNull();
		expect(weeks?.data).not.toContain(0);
	});

	it('draws last year dashed, only when the metric shows it and has it', () => {
		const priorYear = named(build(metric()), 'Last year');
		expect(priorYear).toHaveLength(2);
		expect(priorYear.every((s) => s.lineStyle?.type === 'dashed')).toBe(true);
		expect(named(build(metric({ showPriorYear: false })), 'Last year')).toHaveLength(0);
		const noHistory = metric({
			sixWeeks: { cy: [1, 2, 3, 4, 5, 6], py: [null, null, null, null, null, null] }
		});
		expect(named(build(noHistory), 'Last year').map((s) => s.xAxisIndex)).toEqual([1]);
	});

	it('shows the plan as markers without a line, only where there is a plan', () => {
		const plan = named(build(metric()), 'Plan');
		expect(plan.map((s) => s.symbol)).toEqual(['diamond', 'diamond']);
		expect(plan.every((s) => s.lineStyle?.opacity === 0)).toBe(true);
		expect(plan[0]?.data).toEqual([100, 100, 100, 100, 100, 100]);
		expect(named(build(metric({ plan: null })), 'Plan')).toHaveLength(0);
		expect(build(metric({ plan: null })).legend.data).toEqual(['This year', 'Last year']);
	});

	it('shades the band from lower to upper limit on the weekly panel for the operational view', () => {
		const [weeks, months] = named(build(metric()), 'This year');
		expect(weeks?.markArea?.data).toEqual([[{ name: 'Expected band', yAxis: 80 }, { yAxis: 120 }]]);
		expect(months?.markArea).toBeUndefined();
	});

	it('shades the band on the monthly panel for the strategic view', () => {
		const [weeks, months] = named(build(metric(), 'month', []), 'This year');
		expect(weeks?.markArea).toBeUndefined();
		expect(months?.markArea?.data[0]?.[0].yAxis).toBe(80);
	});

	it('draws no band when there is none, or when it could not be computed', () => {
		const noBand = named(build(metric({ band: null })), 'This year');
		expect(noBand.some((s) => s.markArea || s.markLine)).toBe(false);
		const short = { ...band, status: 'not_enough_history' as const, lower: null, upper: null };
		const notEnough = named(build(metric({ band: short })), 'This year');
		expect(notEnough.some((s) => s.markArea || s.markLine)).toBe(false);
	});

	it('widens the value axis to show both limits, so a limit past the data is not cut off', () => {
		const option = build(metric({ band: { ...band, lower: 50, upper: 300 } }));
		// Weekly values, last year and plan run 95 to 131; with the limits, 50 to 300. A quarter of
		// 250 is 62.5, so the step is 100 and the axis runs 0 to 300.
		expect(option.yAxis[0]).toMatchObject({ min: 0, max: 300, interval: 100 });
		expect(option.yAxis[1]?.min).toBeUndefined();
	});

	it('rounds a percent axis to a clean step', () => {
		const rate = { ...band, lower: 0.0285, upper: 0.0325 };
		expect(bandExtent(rate, [0.031, 0.027, null])).toEqual({
			min: 0.026,
			max: 0.034,
			interval: 0.002
		});
	});

	it('marks a plan band only at the period under review, since it moves with the plan', () => {
		const planBand: Band = { ...band, method: 'plan', baseline: null };
		const [weeks] = named(build(metric({ band: planBand })), 'This year');
		expect(weeks?.markArea).toBeUndefined();
		expect(weeks?.markLine?.data[0]?.map((end) => end.coord)).toEqual([
			[5, 80],
			[5, 120]
		]);
	});

	it('marks each signal at its periods, coloured by good or bad news, shaped by side', () => {
		const signals: Signal[] = [
			// Week 38 (131) is beyond the upper limit: good news for orders.
			{ rule: 'beyond_limit', from: '2025-09-20', to: '2025-09-20', good: true, side: 'above' },
			// A run below centre ending in week 37, bad news, reaching back before the chart.
			{
				rule: 'eight_on_one_side',
				from: '2025-07-26',
				to: '2025-09-13',
				good: false,
				side: 'below'
			}
		];
		const [mark] = named(build(metric({ signals })), 'Signal');
		const data = mark?.data as SignalDatum[];
		// Week 35 (index 2) is missing: no mark on a gap.
		expect(data.map((d) => d.value)).toEqual([
			[0, 100],
			[1, 104],
			[3, 98],
			[4, 101],
			[5, 131]
		]);
		// Good news is an outline in the good colour, bad news solid in the bad colour.
		expect(data.at(-1)?.itemStyle.borderColor).toBe(theme.good);
		expect(data.at(-1)?.itemStyle.color).toBe(theme.surface);
		expect(data.at(-1)?.symbolRotate).toBe(0);
		expect(data[0]?.itemStyle.color).toBe(theme.bad);
		expect(data[0]?.symbolRotate).toBe(180);
		expect(mark?.xAxisIndex).toBe(0);
	});

	it('colours a signal on a neutral metric neutral, never red for down', () => {
		const signals: Signal[] = [
			{ rule: 'beyond_limit', from: '2025-09-20', to: '2025-09-20', good: null, side: 'below' }
		];
		const [mark] = named(build(metric({ signals })), 'Signal');
		expect((mark?.data as SignalDatum[])[0]?.itemStyle.color).toBe(theme.neutral);
	});

	it('places no signal without the band grain’s period dates', () => {
		const signals: Signal[] = [
			{ rule: 'beyond_limit', from: '2025-09-20', to: '2025-09-20', good: true, side: 'above' }
		];
		const option = sixTwelveOption(metric({ signals }), xAxis, { bandGrain: 'week' });
		expect(named(option as unknown as Option, 'Signal')).toHaveLength(0);
	});

	it('labels the value axes in the metric’s unit', () => {
		const option = build(metric({ unit: 'currency', unitDetail: 'USD' }));
		expect(option.yAxis[0]?.axisLabel.formatter(2_500_000)).toBe('$2.5M');
	});
});

describe('weekLabel', () => {
	it('numbers the weeks and names the axis "wk" once, so all six fit', () => {
		expect(xAxis.slice(0, 6).map(weekLabel)).toEqual(['33', '34', '35', '36', '37', '38']);
		const option = build(metric()) as unknown as { xAxis: { name?: string }[] };
		expect(option.xAxis[0]?.name).toBe('wk');
		expect(option.xAxis[1]?.name).toBeUndefined();
	});
});

describe('sixTwelveFigures', () => {
	it('lists every period of the chart with this year, last year and plan, gaps as null', () => {
		const figures = sixTwelveFigures(metric(), xAxis);
		expect(figures).toHaveLength(18);
		expect(figures[2]).toEqual({
			period: 'wk 35',
			grain: 'week',
			thisYear: null,
			lastYear: 99,
			plan: 100
		});
		expect(figures[6]).toEqual({
			period: 'Sep',
			grain: 'month',
			thisYear: 430,
			lastYear: 410,
			plan: 430
		});
	});

	it('leaves last year out when the metric does not show it', () => {
		const figures = sixTwelveFigures(metric({ showPriorYear: false, plan: null }), xAxis);
		expect(figures.every((f) => f.lastYear === null && f.plan === null)).toBe(true);
	});
});

describe('niceStep', () => {
	it('rounds up to 1, 2 or 5 times a power of ten', () => {
		expect([0.7, 1.5, 3, 7, 62.5, 0.0013].map(niceStep)).toEqual([1, 2, 5, 10, 100, 0.002]);
	});
});
