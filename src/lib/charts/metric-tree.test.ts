import { describe, expect, it } from 'vitest';
import type { Evidence } from '../evidence/types';
import { theme } from '../theme';
import { linkWidth, metricTreeOption, treeLinks, treeRows, type TreeMetric } from './metric-tree';
import { chartSvg } from './svg';

// A small tree: page load drives conversion and orders, free shipping drives margin, in-stock
// drives orders, new SKUs drives sessions (with only 12 weeks of data).
const metrics: TreeMetric[] = [
	{ id: 'conversion', label: 'Conversion rate', kind: 'output' },
	{ id: 'orders', label: 'Orders', kind: 'output' },
	{ id: 'margin', label: 'Margin', kind: 'output' },
	{ id: 'sessions', label: 'Sessions', kind: 'output' },
	{ id: 'page_load', label: 'Page load', kind: 'input', drives: ['conversion', 'orders'] },
	{ id: 'free_shipping', label: 'Free shipping share', kind: 'input', drives: ['margin'] },
	{ id: 'in_stock', label: 'In-stock rate', kind: 'input', drives: ['orders'] },
	{ id: 'new_skus', label: 'New SKUs', kind: 'input', drives: ['sessions'] }
];
const link = (
	input: string,
	output: string,
	verdict: string,
	lag: number | null,
	r: number | null
) =>
	({
		input,
		output,
		declared: true,
		verdict,
		lagWeeks: lag,
		correlation: r,
		weeks: r === null ? 12 : 150
	}) as Evidence['links'][number];
const evidence: Evidence = {
	weeks: 156,
	links: [
		link('page_load', 'conversion', 'supported', 2, -0.38),
		link('page_load', 'orders', 'supported', 2, -0.34),
		link('free_shipping', 'margin', 'opposite', 1, -0.41),
		link('in_stock', 'orders', 'not_supported', 3, -0.09),
		link('new_skus', 'sessions', 'too_little_data', null, null)
	],
	suggested: []
};
const label = (id: string) => metrics.find((m) => m.id === id)?.label ?? id;

type Link = {
	source: string;
	target: string;
	verdict: string;
	words: string;
	lineStyle: { color: string; type: string; width: number };
	label: { show: boolean };
};
type Node = { id: string; name: string; x: number; y: number };
const graphOf = (option: object) =>
	(option as { series: { data: Node[]; links: Link[] }[] }).series[0]!;

describe('the metric tree', () => {
	it('colours each link by its verdict, dashes the unsupported and dots too little data', () => {
		const links = graphOf(metricTreeOption(metrics, treeLinks(metrics, evidence, label))).links;
		expect(links.map((l) => [l.source, l.target, l.lineStyle.color, l.lineStyle.type])).toEqual([
			['input:page_load', 'output:conversion', theme.good, 'solid'],
			['input:page_load', 'output:orders', theme.good, 'solid'],
			['input:free_shipping', 'output:margin', theme.bad, 'solid'],
			['input:in_stock', 'output:orders', theme.neutral, 'dashed'],
			['input:new_skus', 'output:sessions', theme.neutral, 'dotted']
		]);
		// Only the wrong-way link carries the words on its line.
		expect(links.map((l) => l.label.show)).toEqual([false, false, true, false, false]);
		expect(links[2]?.words).toBe(
			'Free shipping share moves Margin the wrong way, 1 week later (correlation -0.41, 150 weeks of data)'
		);
	});

	it('draws a link as wide as the relation is strong: 1 + 14|r| pixels, 1 to 8', () => {
		expect(linkWidth(-0.38)).toBeCloseTo(6.32, 10); // 1 + 14 × 0.38
		expect(linkWidth(0.09)).toBeCloseTo(2.26, 10); // 1 + 14 × 0.09
		expect(linkWidth(0.7)).toBe(8);
		expect(linkWidth(null)).toBe(1);
	});

	it('draws every declared link as being judged before the evidence is in', () => {
		const links = treeLinks(metrics, null, label);
		expect(links).toHaveLength(5);
		expect(new Set(links.map((l) => l.verdict))).toEqual(new Set(['pending']));
		expect(links[0]?.words).toBe('Page load → Conversion rate: being judged');
	});

	it('puts inputs left and outputs right, each input by the mean row of its outputs', () => {
		const nodes = graphOf(metricTreeOption(metrics, treeLinks(metrics, evidence, label))).data;
		const at = (id: string) => nodes.find((n) => n.id === id);
		// Outputs in the catalog's order, over four rows: y = 1000 (row + 0.5) / 4.
		expect(
			['conversion', 'orders', 'margin', 'sessions'].map((id) => at(`output:${id}`)?.y)
		).toEqual([125, 375, 625, 875]);
		// Page load's outputs sit at rows 0 and 1 (mean 0.5), in-stock's at 1, free shipping's at 2.
		expect(nodes.filter((n) => n.x === 0).map((n) => n.name)).toEqual([
			'Page load',
			'In-stock rate',
			'Free shipping share',
			'New SKUs'
		]);
		expect(treeRows(treeLinks(metrics, evidence, label))).toBe(4);
	});

	it('renders with ECharts: the dashes and the wrong-way label are in the drawing', () => {
		const svg = chartSvg(metricTreeOption(metrics, treeLinks(metrics, evidence, label)), {
			width: 800,
			height: 200
		});
		// The five lines' ends (the drawing's units): only page load -> orders joins two rows (125 to
		// 375); the other four are level. Lines are not snapped flat (they were at a 0..1 scale).
		const ends = [...svg.matchAll(/<path d="M(\S+) (\S+)L(\S+) (\S+)" [^>]*fill="none"/g)];
		expect(ends).toHaveLength(5);
		const rises = ends.map(([, , y1, , y2]) => Number(y2) - Number(y1)).filter((r) => r !== 0);
		expect(rises).toHaveLength(1);
		// A little under 250: the line stops short of the output's node, at the arrow's base.
		expect(rises[0]).toBeGreaterThan(240);
		expect(rises[0]).toBeLessThanOrEqual(250);
		expect(svg).toContain('stroke-dasharray');
		expect(svg).toContain('wrong way');
		expect(svg).toContain('Free shipping share');
	});
});
