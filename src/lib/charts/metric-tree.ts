/**
 * The catalog's metric tree: every declared `drives` link from an input (left) to the output it
 * drives (right), each line coloured by what the data says of it (src/lib/evidence/README.md) and
 * as wide as the relation is strong. A pure function, tested as data. Colour is never the only
 * cue: a link the data does not support is dashed, one with too little data dotted, and one that
 * goes the wrong way says so on the line.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { describeLink } from '../evidence/describe';
import type { Evidence, Verdict } from '../evidence/types';
import type { MetricKind } from '../metrics/types';
import { theme } from '../theme';
import { base } from './deep-dive';

/** A link's look: its verdict, or `pending` while the evidence is being computed. */
export type TreeVerdict = Verdict | 'pending';

export interface TreeMetric {
	id: string;
	label: string;
	kind: MetricKind;
	drives?: readonly string[];
}

export interface TreeLink {
	input: string;
	output: string;
	verdict: TreeVerdict;
	correlation: number | null;
	/** The verdict in plain words, for the hover. */
	words: string;
}

/** Each verdict's line and what it means, for the chart and the legend beside it. */
export const TREE_LINE: Record<
	TreeVerdict,
	{ color: string; type: 'solid' | 'dashed' | 'dotted'; name: string; meaning: string }
> = {
	supported: {
		color: theme.good,
		type: 'solid',
		name: 'supported',
		meaning: 'the input moves the output the way the catalog expects'
	},
	opposite: {
		color: theme.bad,
		type: 'solid',
		name: 'the wrong way',
		meaning: 'the input moves the output against the way it is meant to (marked “wrong way”)'
	},
	not_supported: {
		color: theme.neutral,
		type: 'dashed',
		name: 'not supported',
		meaning: 'no relation the data can tell from chance'
	},
	too_little_data: {
		color: theme.neutral,
		type: 'dotted',
		name: 'too little data',
		meaning: 'fewer than 26 weeks with both metrics'
	},
	pending: {
		color: theme.lastYear,
		type: 'solid',
		name: 'being judged',
		meaning: 'the evidence is still being computed'
	}
};

/** Line width in pixels: 1 for no figure, then 1 + 14|r|, at most 8 (|r| = 0.5). */
export function linkWidth(correlation: number | null): number {
	return correlation === null ? 1 : Math.min(8, 1 + 14 * Math.abs(correlation));
}

/**
 * The catalog's declared links in its order, each with its verdict from `evidence` (`pending`
 * while there is none yet).
 */
export function treeLinks(
	metrics: readonly TreeMetric[],
	evidence: Evidence | null,
	label: (id: string) => string
): TreeLink[] {
	const judged = new Map(evidence?.links.map((l) => [`${l.input}>${l.output}`, l]));
	return metrics.flatMap((metric) =>
		(metric.drives ?? []).map((output) => {
			const link = judged.get(`${metric.id}>${output}`);
			return link
				? { ...link, words: describeLink(link, label) }
				: {
						input: metric.id,
						output,
						verdict: 'pending' as const,
						correlation: null,
						words: `${label(metric.id)} → ${label(output)}: being judged`
					};
		})
	);
}

/** Rows the taller column needs; the chart's height follows it. */
export function treeRows(links: readonly TreeLink[]): number {
	return Math.max(
		new Set(links.map((l) => l.input)).size,
		new Set(links.map((l) => l.output)).size
	);
}

/**
 * Inputs on the left, outputs on the right in the catalog's order, each input placed by the mean
 * row of the outputs it drives, so lines cross as little as a simple order allows.
 */
function columns(metrics: readonly TreeMetric[], links: readonly TreeLink[]) {
	const order = new Map(metrics.map((m, i) => [m.id, i]));
	const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
	const outputs = [...new Set(links.map((l) => l.output))].sort(byOrder);
	const row = new Map(outputs.map((id, i) => [id, i]));
	const meanRow = (input: string) => {
		const rows = links.filter((l) => l.input === input).map((l) => row.get(l.output) ?? 0);
		return rows.reduce((a, b) => a + b, 0) / rows.length;
	};
	const inputs = [...new Set(links.map((l) => l.input))].sort(
		(a, b) => meanRow(a) - meanRow(b) || byOrder(a, b)
	);
	return { inputs, outputs };
}

export function metricTreeOption(
	metrics: readonly TreeMetric[],
	links: readonly TreeLink[]
): EChartsCoreOption {
	const labelOf = new Map(metrics.map((m) => [m.id, m.label]));
	const { inputs, outputs } = columns(metrics, links);
	// Both columns span the same height, whatever their counts. In units of a thousandth of the
	// drawing: ECharts snaps a line whose ends are within half a unit to a crisp horizontal one,
	// which at a scale of 0..1 would flatten every line.
	const node = (id: string, i: number, count: number, side: 'input' | 'output') => ({
		id: `${side}:${id}`,
		name: labelOf.get(id) ?? id,
		x: side === 'input' ? 0 : 1000,
		y: (1000 * (i + 0.5)) / count,
		symbolSize: 9,
		itemStyle: { color: theme.surface, borderColor: theme.ink, borderWidth: 1.5 },
		label: { show: true, position: side === 'input' ? 'left' : 'right', color: theme.ink }
	});
	return {
		...base,
		tooltip: {
			trigger: 'item',
			confine: true,
			extraCssText: 'max-width: 360px; white-space: normal;',
			formatter: (p: { dataType?: string; data: { words?: string; name?: string } }) =>
				p.dataType === 'edge' ? (p.data.words ?? '') : (p.data.name ?? '')
		},
		series: [
			{
				type: 'graph',
				layout: 'none',
				left: '30%',
				right: '30%',
				top: 12,
				bottom: 12,
				roam: false,
				edgeSymbol: ['none', 'arrow'],
				edgeSymbolSize: 7,
				emphasis: { focus: 'adjacency' },
				data: [
					...inputs.map((id, i) => node(id, i, inputs.length, 'input')),
					...outputs.map((id, i) => node(id, i, outputs.length, 'output'))
				],
				links: links.map((link) => {
					const line = TREE_LINE[link.verdict];
					return {
						source: `input:${link.input}`,
						target: `output:${link.output}`,
						verdict: link.verdict,
						words: link.words,
						lineStyle: {
							color: line.color,
							type: line.type,
							width: linkWidth(link.correlation),
							opacity: 0.85
						},
						label: {
							show: link.verdict === 'opposite',
							formatter: 'wrong way',
							color: theme.bad,
							fontWeight: 'bold'
						}
					};
				})
			}
		]
	};
}
