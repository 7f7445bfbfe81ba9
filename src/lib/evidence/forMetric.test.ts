import { describe, expect, it } from 'vitest';
import { evidenceForMetric } from './forMetric';
import type { Evidence } from './types';

const link = (input: string, output: string) => ({
	input,
	output,
	declared: true as const,
	verdict: 'supported' as const,
	lagWeeks: 1,
	correlation: 0.4,
	weeks: 100
});
const suggestion = (input: string, output: string) => ({
	input,
	output,
	lagWeeks: 2,
	correlation: 0.5,
	weeks: 100
});
const evidence: Evidence = {
	weeks: 100,
	links: [link('page_load', 'orders'), link('page_load', 'conversion'), link('stock', 'orders')],
	suggested: [suggestion('emails', 'orders'), suggestion('page_load', 'revenue')]
};

describe("a metric's evidence", () => {
	it('gives an output the links of the inputs that drive it, and its suggested inputs', () => {
		const orders = evidenceForMetric(evidence, { id: 'orders', kind: 'output' });
		expect(orders.links.map((l) => l.input)).toEqual(['page_load', 'stock']);
		expect(orders.suggested.map((s) => s.input)).toEqual(['emails']);
	});

	it('gives an input the links to the outputs it drives, and its suggested outputs', () => {
		const pageLoad = evidenceForMetric(evidence, { id: 'page_load', kind: 'input' });
		expect(pageLoad.links.map((l) => l.output)).toEqual(['orders', 'conversion']);
		expect(pageLoad.suggested.map((s) => s.output)).toEqual(['revenue']);
	});
});
