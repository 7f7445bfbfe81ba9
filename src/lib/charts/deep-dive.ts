/**
 * The deep dive's charts, as pure functions from data to ECharts options (tested as data):
 * the daily detail (this year against the same weekdays last year), the weekly process-behaviour
 * chart (values, centre line, natural process limits and the moving ranges under them) and the
 * small weekly line of each linked metric. Colours are the one theme's; signal points are good or
 * bad by the metric's direction (`signalStyle`), never red for down.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Band, Signal } from '../bands/types';
import { formatDate } from '../format/date';
import { formatValue, type FormatSpec } from '../format/number';
import { fontFamily, theme } from '../theme';
import { signalStyle } from './six-twelve';
import { monthLabel } from './weekly-line';

type Values = readonly (number | null)[];

/**
 * ECharts rounds a mark line's value to `precision` decimals (default 2), which puts a 3.19%
 * limit (0.0319) at 3%: limits are drawn where they are, and labelled by the one formatter.
 */
const PRECISION = 12;

export const base = {
	animation: false,
	textStyle: { fontFamily, color: theme.ink }
};

/** Grid margins that keep axis labels inside the chart (ECharts 6 outer bounds). */
function grid(extra: object = {}) {
	return {
		left: 8,
		right: 16,
		top: 28,
		bottom: 8,
		outerBoundsMode: 'same',
		outerBoundsContain: 'axisLabel',
		...extra
	};
}

function valueAxis(format: FormatSpec, extra: object = {}) {
	return {
		type: 'value',
		scale: true,
		axisLabel: { color: theme.muted, formatter: (v: number) => formatValue(v, format) },
		splitLine: { lineStyle: { color: theme.grid } },
		...extra
	};
}

export function tooltipFormatter(format: FormatSpec) {
	return (value: unknown) => formatValue(typeof value === 'number' ? value : null, format);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2026-11-21" -> "Sat 21 Nov": a daily axis reads by weekday, as a week's pattern does. */
export function dayLabel(isoDate: string): string {
	const weekday = WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()] ?? '';
	return `${weekday} ${formatDate(isoDate).replace(/ \d{4}$/, '')}`;
}

export interface DailyChart {
	label: string;
	format: FormatSpec;
	/** ISO dates, oldest first; the last seven are the week under review. */
	dates: readonly string[];
	values: Values;
	/** The same weekdays 364 days earlier, aligned with `dates`. */
	priorYear: Values;
}

export function dailyLineOption(chart: DailyChart): EChartsCoreOption {
	const reviewWeekStart = chart.dates.at(-7) ?? chart.dates[0];
	return {
		...base,
		grid: grid({ top: 32, right: 28 }),
		legend: {
			top: 0,
			left: 0,
			textStyle: { color: theme.muted },
			data: ['This year', 'Last year (364 days earlier)']
		},
		tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(chart.format) },
		xAxis: {
			type: 'category',
			data: chart.dates,
			axisLabel: { color: theme.muted, formatter: dayLabel },
			axisLine: { lineStyle: { color: theme.grid } }
		},
		yAxis: valueAxis(chart.format),
		series: [
			{
				name: 'This year',
				type: 'line',
				data: chart.values,
				showSymbol: false,
				connectNulls: false,
				lineStyle: { color: theme.thisYear, width: 2 },
				itemStyle: { color: theme.thisYear },
				// The week under review, shaded so the eye finds it among the weeks before.
				markArea:
					reviewWeekStart === undefined
						? undefined
						: {
								silent: true,
								itemStyle: { color: theme.band },
								data: [[{ xAxis: reviewWeekStart }, { xAxis: chart.dates.at(-1) }]]
							}
			},
			{
				name: 'Last year (364 days earlier)',
				type: 'line',
				data: chart.priorYear,
				showSymbol: false,
				connectNulls: false,
				lineStyle: { color: theme.lastYear, width: 1.5, type: 'dashed' },
				itemStyle: { color: theme.lastYear }
			}
		]
	};
}

export interface ProcessChart {
	label: string;
	format: FormatSpec;
	/** ISO week endings, oldest first; the last is the week under review. */
	weekEndings: readonly string[];
	values: Values;
	/** The band the review judged the week under review by. */
	band: Band;
	/** Every signal found up to the week under review (the review's and earlier ones). */
	signals: readonly Signal[];
}

/** Moving ranges |x[i] - x[i-1]|; null where either week has no data (nothing is read as 0). */
export function movingRanges(values: Values): (number | null)[] {
	return values.map((value, i) => {
		const before = i === 0 ? null : (values[i - 1] ?? null);
		return value === null || before === null ? null : Math.abs(value - before);
	});
}

/** The signal that colours each week: the last one listed covering it (the review's come last). */
export function signalAt(
	weekEndings: readonly string[],
	signals: readonly Signal[]
): (Signal | null)[] {
	return weekEndings.map(
		(week) =>
			signals.findLast((s) => s.from <= week && week <= s.to && s.rule !== 'moving_range') ?? null
	);
}

/** Limits only mean "this process" for xmr bands and fixed ranges; plan and yoy bands move weekly. */
export function hasSteadyLimits(band: Band): boolean {
	return band.status === 'ok' && band.method !== 'plan' && band.method !== 'yoy';
}

function limitLine(name: string, value: number | null, format: FormatSpec, dashed: boolean) {
	return value === null
		? []
		: [
				{
					name,
					yAxis: value,
					lineStyle: {
						color: dashed ? theme.muted : theme.ink,
						type: dashed ? 'dashed' : 'solid',
						width: 1
					},
					label: {
						formatter: `${name} ${formatValue(value, format)}`,
						// Limits labelled at the right, centre lines at the left: close lines never overlap.
						position: dashed ? 'insideEndTop' : 'insideStartTop',
						color: theme.muted,
						fontSize: 10
					}
				}
			];
}

export function processBehaviourOption(chart: ProcessChart): EChartsCoreOption {
	const steady = hasSteadyLimits(chart.band);
	const { band } = chart;
	const marks = steady
		? [
				...limitLine('Upper limit', band.upper, chart.format, true),
				...limitLine('Centre', band.centre, chart.format, false),
				...limitLine(
					band.lowerClipped ? 'Lower limit (floor)' : 'Lower limit',
					band.lower,
					chart.format,
					true
				)
			]
		: [];
	const flagged = signalAt(chart.weekEndings, chart.signals);
	const signalPoints = chart.values.flatMap((value, i) => {
		const signal = flagged[i];
		return value === null || !signal
			? []
			: [{ value: [i, value], symbolSize: 9, itemStyle: signalStyle(signal.good) }];
	});
	const ranges = movingRanges(chart.values);
	const withRanges = steady && band.movingRangeUpper !== undefined;
	const rangeMarks = withRanges
		? [
				...limitLine('Range limit', band.movingRangeUpper ?? null, chart.format, true),
				...limitLine(
					'Average range',
					band.averageMovingRange ?? band.medianMovingRange ?? null,
					chart.format,
					false
				)
			]
		: [];
	const xAxis = (gridIndex: number, show: boolean) => ({
		type: 'category',
		gridIndex,
		data: chart.weekEndings,
		axisLabel: { show, color: theme.muted, formatter: monthLabel },
		axisLine: { lineStyle: { color: theme.grid } }
	});
	return {
		...base,
		grid: withRanges
			? [grid({ top: 12, bottom: '34%' }), grid({ top: '72%', bottom: 8 })]
			: [grid({ top: 12 })],
		tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(chart.format) },
		xAxis: withRanges ? [xAxis(0, false), xAxis(1, true)] : [xAxis(0, true)],
		yAxis: withRanges
			? [
					valueAxis(chart.format),
					valueAxis(chart.format, { gridIndex: 1, scale: false, splitNumber: 2 })
				]
			: [valueAxis(chart.format)],
		series: [
			{
				name: chart.label,
				type: 'line',
				data: chart.values,
				symbol: 'circle',
				symbolSize: 4,
				connectNulls: false,
				lineStyle: { color: theme.thisYear, width: 1.5 },
				itemStyle: { color: theme.thisYear },
				markLine: { silent: true, symbol: 'none', precision: PRECISION, data: marks }
			},
			{
				name: 'Signal',
				type: 'scatter',
				data: signalPoints,
				z: 3,
				tooltip: { show: false }
			},
			...(withRanges
				? [
						{
							name: 'Moving range',
							type: 'line',
							xAxisIndex: 1,
							yAxisIndex: 1,
							data: ranges,
							symbol: 'none',
							connectNulls: false,
							lineStyle: { color: theme.lastYear, width: 1.2 },
							itemStyle: { color: theme.lastYear },
							markLine: { silent: true, symbol: 'none', precision: PRECISION, data: rangeMarks }
						}
					]
				: [])
		]
	};
}

export interface Sparkline {
	format: FormatSpec;
	weekEndings: readonly string[];
	values: Values;
	/** The colour of the week under review's point: the signal's good or bad, else this year's. */
	signal: Signal | null;
}

export function sparklineOption(line: Sparkline): EChartsCoreOption {
	const last = line.values.length - 1;
	const lastValue = line.values[last] ?? null;
	return {
		...base,
		grid: { left: 2, right: 6, top: 6, bottom: 2 },
		tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(line.format) },
		xAxis: { type: 'category', data: line.weekEndings, show: false },
		yAxis: { type: 'value', scale: true, show: false },
		series: [
			{
				type: 'line',
				data: line.values,
				showSymbol: false,
				connectNulls: false,
				lineStyle: { color: theme.thisYear, width: 1.5 },
				itemStyle: { color: theme.thisYear }
			},
			{
				type: 'scatter',
				data:
					lastValue === null
						? []
						: [
								{
									value: [last, lastValue],
									symbolSize: 7,
									itemStyle: line.signal ? signalStyle(line.signal.good) : { color: theme.thisYear }
								}
							],
				tooltip: { show: false }
			}
		]
	};
}
