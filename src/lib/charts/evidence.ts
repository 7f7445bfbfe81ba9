/**
 * A declared link's small chart on the deep dive: the output's weekly values and the input's
 * moved later by the link's lag, each on its own scale, so a person sees what the verdict saw
 * (src/lib/evidence/README.md). A pure function, tested as data.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatValue, type FormatSpec } from '../format/number';
import { theme } from '../theme';
import { base, tooltipFormatter } from './deep-dive';
import { monthLabel } from './weekly-line';

type Values = readonly (number | null)[];

export interface LinkChart {
	weekEndings: readonly string[];
	input: { label: string; format: FormatSpec; values: Values };
	output: { label: string; format: FormatSpec; values: Values };
	/** The input is drawn this many weeks later, under the output week it should move. */
	lagWeeks: number;
	/** The last weeks shown (default a year). */
	weeks?: number;
}

export function linkChartOption(chart: LinkChart): EChartsCoreOption {
	const weeks = chart.weeks ?? 52;
	const from = Math.max(0, chart.weekEndings.length - weeks);
	const shifted = chart.weekEndings.map((_, t) =>
		t - chart.lagWeeks >= 0 ? (chart.input.values[t - chart.lagWeeks] ?? null) : null
	);
	const inputName =
		chart.lagWeeks === 0
			? chart.input.label
			: `${chart.input.label}, ${chart.lagWeeks} week${chart.lagWeeks === 1 ? '' : 's'} earlier`;
	const axis = (format: FormatSpec) => ({
		type: 'value',
		scale: true,
		show: false,
		axisLabel: { formatter: (v: number) => formatValue(v, format) }
	});
	return {
		...base,
		grid: { left: 2, right: 2, top: 18, bottom: 2 },
		legend: {
			top: 0,
			left: 0,
			itemHeight: 6,
			textStyle: { color: theme.muted, fontSize: 10 }
		},
		tooltip: { trigger: 'axis' },
		xAxis: {
			type: 'category',
			data: chart.weekEndings.slice(from),
			show: false,
			axisLabel: { formatter: monthLabel }
		},
		yAxis: [axis(chart.output.format), axis(chart.input.format)],
		series: [
			{
				name: chart.output.label,
				type: 'line',
				data: chart.output.values.slice(from),
				yAxisIndex: 0,
				showSymbol: false,
				lineStyle: { color: theme.thisYear, width: 1.5 },
				itemStyle: { color: theme.thisYear },
				tooltip: { valueFormatter: tooltipFormatter(chart.output.format) }
			},
			{
				name: inputName,
				type: 'line',
				data: shifted.slice(from),
				yAxisIndex: 1,
				showSymbol: false,
				lineStyle: { color: theme.lastYear, width: 1.2, type: 'dashed' },
				itemStyle: { color: theme.lastYear },
				tooltip: { valueFormatter: tooltipFormatter(chart.input.format) }
			}
		]
	};
}
