import { monthAbbreviation } from '../format/date';
import type { EChartsCoreOption } from 'echarts/core';
import { formatValue, type FormatSpec } from '../format/number';
import { fontFamily, theme } from '../theme';

export interface WeeklySeries {
	label: string;
	format: FormatSpec;
	/** ISO week-ending dates, ascending. */
	weekEndings: string[];
	values: (number | null)[];
	/** The plan for the same weeks, when the metric has one. */
	plan?: (number | null)[];
}

/** "2026-11-21" -> "Nov '26": a week axis over years reads by month. */
export function monthLabel(isoDate: string): string {
	return `${monthAbbreviation(isoDate)} '${isoDate.slice(2, 4)}`;
}

/**
 * A metric's weekly series as an ECharts option: this year as a solid line, the plan as markers.
 * A pure function of the data, so it is tested as data, without drawing.
 */
export function weeklyLineOption(series: WeeklySeries): EChartsCoreOption {
	const axisLabel = (value: number) => formatValue(value, series.format);
	const lines: object[] = [
		{
			name: series.label,
			type: 'line',
			data: series.values,
			showSymbol: false,
			connectNulls: false,
			lineStyle: { color: theme.thisYear, width: 2 },
			itemStyle: { color: theme.thisYear }
		}
	];
	if (series.plan?.some((v) => v !== null)) {
		lines.push({
			name: 'Plan',
			type: 'line',
			data: series.plan,
			symbol: 'diamond',
			symbolSize: 4,
			showAllSymbol: true,
			lineStyle: { opacity: 0 },
			itemStyle: { color: theme.plan }
		});
	}
	return {
		animation: false,
		textStyle: { fontFamily, color: theme.ink },
		// ECharts 6: `containLabel` needs a legacy module; outer bounds keep the labels inside the same way.
		grid: {
			left: 8,
			right: 12,
			top: 12,
			bottom: 8,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		tooltip: {
			trigger: 'axis',
			valueFormatter: (value: unknown) =>
				formatValue(typeof value === 'number' ? value : null, series.format)
		},
		xAxis: {
			type: 'category',
			data: series.weekEndings,
			axisLabel: { color: theme.muted, formatter: monthLabel },
			axisLine: { lineStyle: { color: theme.grid } }
		},
		yAxis: {
			type: 'value',
			scale: true,
			axisLabel: { color: theme.muted, formatter: axisLabel },
			splitLine: { lineStyle: { color: theme.grid } }
		},
		series: lines
	};
}
