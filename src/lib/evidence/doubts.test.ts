import { describe, expect, it } from 'vitest';
import { doubtedLinks, doubtInWords, LONG_NOT_SUPPORTED_WEEKS } from './doubts';
import type { EvidenceLink } from './types';

const link = (
	input: string,
	output: string,
	verdict: EvidenceLink['verdict'],
	weeks: number,
	lagWeeks: number | null = 1
): EvidenceLink => ({
	input,
	output,
	declared: true,
	verdict,
	lagWeeks,
	correlation: lagWeeks === null ? null : -0.41,
	weeks
});
const labels: Record<string, string> = {
	free_shipping_share: 'Free shipping share',
	margin: 'Margin',
	in_stock: 'In-stock rate',
	orders: 'Orders'
};
const label = (id: string) => labels[id] ?? id;

describe('the links a strategic review names', () => {
	// In the catalog's order: a supported link, a long and a short not-supported one, a wrong-way
	// link, one with too little data.
	const links = [
		link('page_load', 'conversion', 'supported', 156, 2),
		link('in_stock', 'orders', 'not_supported', 156, 3),
		link('search', 'conversion', 'not_supported', 40, 0),
		link('free_shipping_share', 'margin', 'opposite', 150, 1),
		link('new_skus', 'sessions', 'too_little_data', 12, null)
	];

	it('names the wrong-way links first, then those not supported over a year of weeks', () => {
		expect(doubtedLinks(links).map((l) => `${l.input}>${l.output}`)).toEqual([
			'free_shipping_share>margin',
			'in_stock>orders'
		]);
	});

	it('names a not-supported link from 52 weeks with both metrics, not at 51', () => {
		expect(LONG_NOT_SUPPORTED_WEEKS).toBe(52);
		expect(doubtedLinks([link('a', 'b', 'not_supported', 52)])).toHaveLength(1);
		expect(doubtedLinks([link('a', 'b', 'not_supported', 51)])).toHaveLength(0);
	});

	it('says what is wrong, when, and on how much data', () => {
		const [opposite, notSupported] = doubtedLinks(links);
		expect(`${label(opposite!.input)}: ${doubtInWords(opposite!, label)}`).toBe(
			'Free shipping share: moves Margin the wrong way, 1 week later, 150 weeks of data'
		);
		expect(`${label(notSupported!.input)}: ${doubtInWords(notSupported!, label)}`).toBe(
			'In-stock rate: no clear sign it moves Orders at any lag of 0 to 8 weeks, 156 weeks of data'
		);
	});
});
