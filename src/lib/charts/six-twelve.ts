/**
 * The 6-12 chart: the six trailing weeks beside the twelve trailing months, this year against last
 * year and plan, with the expected band and its signals. A pure function of the review metric, so
 * it is tested as data, without drawing.
 *
 * Layout: two panels (ECharts grids) side by side, weeks on the left with their value axis on the
 * left edge, months on the right with theirs on the right edge, and a gap between them. One panel
 * with two value axes was the other choice; for `sum` metrics a month is about four weeks, so the
 * scales differ four-fold and a reader of one shared plot area cannot tell which axis a line uses.
 * Two panels give each part its own gridlines and an axis right beside it, and the panel widths
 * are proportional to their periods (6 : 12) so a week and a month take the same width.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Band, Grain, Signal } from '../bands/types';
import { SIGNAL_RULES } from '../bands/signals';
import { formatValue, type FormatSpec } from '../format/number';
import type { Unit } from '../metrics/types';
import { fontFamily, theme } from '../theme';

type Value = number | null;

/**
 * The fields of a review metric the chart reads (`ReviewMetric` in `../review/types` has them all;
 * `unitDetail` comes from the catalog).
 */
export interface SixTwelveMetric {
	label: string;
	unit: Unit;
	unitDetail?: string;
	showPriorYear: boolean;
	sixWeeks: { cy: Value[]; py: Value[] };
	twelveMonths: { cy: Value[]; py: Value[] };
	plan: { sixWeeks: Value[]; twelveMonths: Value[] } | null;
	band: Band | null;
	signals: Signal[] | null;
}

export interface SixTwelveOptions {
	/**
	 * Which part the band and signals belong to: the weeks for the operational review, the months
	 * for the strategic one. The band is computed on one grain and means nothing on the other.
	 */
	bandGrain: Grain;
	/**
	 * Period-end dates (ISO) of the band's part, aligned with `sixWeeks` or `twelveMonths`. Signals
	 * name periods by date, so without these no signal can be placed.
	 */
	periodEnds?: readonly string[];
	/** Multiplies the chart's text sizes: a slide read across a room uses about 1.5. */
	textScale?: number;
}

/** Panel positions in percent of the chart's width; the gap between them is what separates weeks from months. */
export const PANELS = {
	weeks: { left: 1, width: 30 },
	months: { left: 38, width: 61 }
} as const;

/** The band moves with the plan (or last year) for these methods; `band` holds only the review period's. */
const MOVING_BAND_METHODS: readonly Band['method'][] = ['plan', 'yoy'];

export function signalColour(good: boolean | null): string {
	return good === null ? theme.neutral : good ? theme.good : theme.bad;
}

/** Bad news is a solid mark, good news an outline; neutral is solid grey. */
export function signalStyle(good: boolean | null) {
	const colour = signalColour(good);
	return good === true
		? { color: theme.surface, borderColor: colour, borderWidth: 2 }
		: { color: colour, borderColor: theme.surface, borderWidth: 1 };
}

const has = (values: readonly Value[] | undefined): values is Value[] =>
	values !== undefined && values.some((value) => value !== null);

/** A band worth drawing: computed, with at least one limit. */
export function drawableBand(band: Band | null): band is Band {
	return band !== null && band.status === 'ok' && (band.lower !== null || band.upper !== null);
}

/**
 * One mark per period that a signal covers, on this year's value. Where signals overlap, the most
 * telling rule (the order of `SIGNAL_RULES`) sets the colour, as it sets the exception's direction.
 */
export function signalPoints(
	signals: readonly Signal[] | null,
	periodEnds: readonly string[] | undefined,
	values: readonly Value[]
): { index: number; value: number; signal: Signal }[] {
	if (!signals || !periodEnds) return [];
	const ranked = [...signals].sort(
		(a, b) => SIGNAL_RULES.indexOf(a.rule) - SIGNAL_RULES.indexOf(b.rule)
	);
	const points: { index: number; value: number; signal: Signal }[] = [];
	periodEnds.forEach((period, index) => {
		const value = values[index] ?? null;
		const signal = ranked.find((s) => s.from <= period && period <= s.to);
		if (value !== null && signal) points.push({ index, value, signal });
	});
	return points;
}

const WEEK_PREFIX = /^wk\s*/i;

/**
 * "wk 33" -> "33": six "wk" prefixes do not fit a third of a card (they overlap and half the weeks
 * vanish), so the axis says "wk" once, in its name.
 */
export function weekLabel(label: string): string {
	return label.replace(WEEK_PREFIX, '');
}

/** 1, 2 or 5 times a power of ten: the steps an axis is read in. */
export function niceStep(rough: number): number {
	if (!(rough > 0) || !Number.isFinite(rough)) return 1;
	const power = 10 ** Math.floor(Math.log10(rough));
	const scaled = rough / power;
	return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

/**
 * A panel's value axis when it carries the band: the extent must include both limits, or a limit
 * just past the data would be cut off unseen (ECharts sizes an axis from the series, not the marks).
 * Fixed ends are labelled, so they are rounded out to a step of 1, 2 or 5 and the ticks use the
 * same step: "3.28%" at the top of an axis reads as noise.
 */
export function bandExtent(
	band: Band,
	values: readonly Value[]
): { min: number; max: number; interval: number } | null {
	const known = [...values, band.lower, band.upper].filter(
		(v): v is number => v !== null && Number.isFinite(v)
	);
	if (known.length === 0) return null;
	const low = Math.min(...known);
	const high = Math.max(...known);
	const interval = niceStep((high - low || Math.abs(high) || 1) / 4);
	// Rounded to the step's own decimals, so 13 × 0.002 is 0.026, not 0.026000000000000002.
	const decimals = Math.max(0, -Math.floor(Math.log10(interval)));
	const round = (v: number) => Number(v.toFixed(decimals));
	return {
		min: round(Math.floor(low / interval) * interval),
		max: round(Math.ceil(high / interval) * interval),
		interval
	};
}

export function sixTwelveOption(
	metric: SixTwelveMetric,
	xAxis: readonly string[],
	options: SixTwelveOptions
): EChartsCoreOption {
	const format: FormatSpec = { unit: metric.unit, unitDetail: metric.unitDetail };
	const weekCount = metric.sixWeeks.cy.length;
	const parts = [
		{
			grain: 'week' as const,
			labels: xAxis.slice(0, weekCount),
			series: metric.sixWeeks,
			plan: metric.plan?.sixWeeks
		},
		{
			grain: 'month' as const,
			labels: xAxis.slice(weekCount),
			series: metric.twelveMonths,
			plan: metric.plan?.twelveMonths
		}
	];
	const band = drawableBand(metric.band) ? metric.band : null;

	const series: object[] = [];
	parts.forEach((part, axis) => {
		const onAxis = { xAxisIndex: axis, yAxisIndex: axis };
		const bandHere = band !== null && part.grain === options.bandGrain;
		series.push({
			name: 'This year',
			type: 'line',
			...onAxis,
			data: part.series.cy,
			connectNulls: false,
			// Symbols keep a value between two missing periods visible; a line needs two points.
			showSymbol: true,
			symbolSize: 4,
			lineStyle: { color: theme.thisYear, width: 2 },
			itemStyle: { color: theme.thisYear },
			z: 3,
			...(bandHere ? bandMarks(band, part.labels.length) : {})
		});
		if (metric.showPriorYear && has(part.series.py)) {
			series.push({
				name: 'Last year',
				type: 'line',
				...onAxis,
				data: part.series.py,
				connectNulls: false,
				showSymbol: false,
				lineStyle: { color: theme.lastYear, width: 1.5, type: 'dashed' },
				itemStyle: { color: theme.lastYear },
				z: 2
			});
		}
		if (has(part.plan)) {
			series.push({
				name: 'Plan',
				type: 'line',
				...onAxis,
				data: part.plan,
				symbol: 'diamond',
				symbolSize: 7,
				showAllSymbol: true,
				lineStyle: { opacity: 0 },
				itemStyle: { color: theme.plan },
				z: 4
			});
		}
		if (part.grain === options.bandGrain) {
			const points = signalPoints(metric.signals, options.periodEnds, part.series.cy);
			if (points.length > 0) {
				series.push({
					name: 'Signal',
					type: 'scatter',
					...onAxis,
					// Shape says the side (a triangle pointing up or down); good or bad news is said
					// twice, by colour and by fill, so the mark reads in greyscale too.
					data: points.map(({ index, value, signal }) => ({
						value: [index, value],
						symbol: 'triangle',
						symbolRotate: signal.side === 'above' ? 0 : 180,
						itemStyle: signalStyle(signal.good)
					})),
					symbolSize: 11,
					z: 5
				});
			}
		}
	});

	// Everything drawn on a panel, so its axis fits what a reader sees.
	const panelValues = (part: (typeof parts)[number]) => [
		...part.series.cy,
		...(metric.showPriorYear ? part.series.py : []),
		...(part.plan ?? [])
	];
	const panel = (p: { left: number; width: number }) => ({
		left: `${p.left}%`,
		width: `${p.width}%`,
		top: 30,
		bottom: 4,
		// Each panel holds its own axis labels (ECharts 6's form of `containLabel`).
		outerBoundsMode: 'same',
		outerBoundsContain: 'all'
	});
	const text = (size: number) => Math.round(size * (options.textScale ?? 1));
	const valueAxis = (grid: number, position: 'left' | 'right') => ({
		type: 'value',
		gridIndex: grid,
		position,
		scale: true,
		splitNumber: 3,
		axisLabel: {
			color: theme.muted,
			fontSize: text(10),
			formatter: (v: number) => formatValue(v, format)
		},
		splitLine: { lineStyle: { color: theme.grid } },
		...(band !== null && parts[grid]!.grain === options.bandGrain
			? bandExtent(band, panelValues(parts[grid]!))
			: {})
	});
	const categoryAxis = (grid: number, labels: string[]) => ({
		type: 'category',
		gridIndex: grid,
		data: labels,
		axisTick: { show: false },
		...(grid === 0 && labels.some((label) => WEEK_PREFIX.test(label))
			? {
					name: 'wk',
					nameLocation: 'start',
					nameGap: 6,
					nameTextStyle: {
						color: theme.muted,
						fontSize: text(9),
						verticalAlign: 'top',
						padding: [4, 0, 0, 0]
					}
				}
			: {}),
		axisLabel: {
			color: theme.muted,
			fontSize: text(grid === 0 ? 10 : 9),
			interval: 0,
			// Months may drop a label on a narrow card; every week keeps its number.
			hideOverlap: grid === 1,
			formatter: grid === 0 ? weekLabel : undefined
		},
		axisLine: { lineStyle: { color: theme.grid } }
	});

	return {
		animation: false,
		textStyle: { fontFamily, color: theme.ink },
		legend: {
			top: 0,
			right: 0,
			itemWidth: 18,
			itemHeight: 8,
			textStyle: { color: theme.muted, fontSize: text(10) },
			data: ['This year', 'Last year', 'Plan'].filter((name) =>
				series.some((s) => (s as { name: string }).name === name)
			)
		},
		tooltip: {
			trigger: 'axis',
			valueFormatter: (value: unknown) =>
				formatValue(typeof value === 'number' ? value : null, format)
		},
		grid: [panel(PANELS.weeks), panel(PANELS.months)],
		xAxis: [categoryAxis(0, parts[0]!.labels), categoryAxis(1, parts[1]!.labels)],
		yAxis: [valueAxis(0, 'left'), valueAxis(1, 'right')],
		series
	};
}

/**
 * The band as marks on this year's line. Process limits hold for every period, so they shade the
 * whole panel; a plan or year-over-year band is known only for the period under review, so it is a
 * bar at that period instead of a shade that would claim more than we know.
 */
function bandMarks(band: Band, periods: number) {
	const lower = band.lower ?? band.upper!;
	const upper = band.upper ?? band.lower!;
	const style = { color: theme.band };
	if (MOVING_BAND_METHODS.includes(band.method)) {
		const last = periods - 1;
		return {
			markLine: {
				silent: true,
				symbol: 'none',
				lineStyle: { color: theme.band, width: 10, type: 'solid', opacity: 1 },
				label: { show: false },
				data: [[{ coord: [last, lower], name: 'Expected band' }, { coord: [last, upper] }]]
			}
		};
	}
	// A one-sided band (a service level) shades from its limit to the edge of the panel.
	const open = band.lower === null ? 'min' : band.upper === null ? 'max' : null;
	return {
		markArea: {
			silent: true,
			itemStyle: style,
			label: { show: false },
			data: [
				[
					{ name: 'Expected band', yAxis: open === 'min' ? 'min' : lower },
					{ yAxis: open === 'max' ? 'max' : upper }
				]
			]
		}
	};
}

/** One period of the chart as figures: the chart's text alternative reads these. */
export interface SixTwelveFigure {
	period: string;
	grain: Grain;
	thisYear: Value;
	lastYear: Value;
	plan: Value;
}

/** The chart's numbers, period by period, in the order drawn: the six weeks, then the twelve months. */
export function sixTwelveFigures(
	metric: SixTwelveMetric,
	xAxis: readonly string[]
): SixTwelveFigure[] {
	const weekCount = metric.sixWeeks.cy.length;
	const part = (grain: Grain, cy: Value[], py: Value[], plan: Value[] | undefined, from: number) =>
		cy.map((thisYear, i) => ({
			period: xAxis[from + i] ?? '',
			grain,
			thisYear,
			lastYear: metric.showPriorYear ? (py[i] ?? null) : null,
			plan: plan?.[i] ?? null
		}));
	return [
		...part('week', metric.sixWeeks.cy, metric.sixWeeks.py, metric.plan?.sixWeeks, 0),
		...part(
			'month',
			metric.twelveMonths.cy,
			metric.twelveMonths.py,
			metric.plan?.twelveMonths,
			weekCount
		)
	];
}
