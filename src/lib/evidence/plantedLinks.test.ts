/**
 * A generated business with planted links (three years of weeks), checked against what was
 * planted. Every series is a level plus slow AR(1) noise; outputs also carry a growth trend and a
 * yearly season, so every pair's levels correlate strongly and a naive correlation would call
 * every link real. Each planted effect is about as large as the output's own weekly noise, so
 * the whitened changes correlate about 0.5 at the planted lag.
 */
import { describe, expect, it } from 'vitest';
import { judgeEvidence, type EvidenceMetric } from './evidence';
import { added, autoregressive, delayed, noise, scaled, trend, yearlySeason } from './testing';
import type { EvidenceLink } from './types';

const WEEKS = 156;
const slow = (seed: number, sd = 1) => autoregressive(WEEKS, 0.7, noise(seed), sd);
/** An output's own life: trend, season (peaking in late November) and noise. */
const outputBase = (seed: number, level: number) =>
	added(trend(WEEKS, level, level / 200), yearlySeason(WEEKS, level / 10), slow(seed, level / 50));

// Inputs, each a level plus slow noise.
const adSpend = scaled(slow(1), 2_000, 50_000);
const pageLoad = scaled(slow(2), 60, 900); // ms, lower is better
const freeShippingShare = scaled(slow(3), 0.02, 0.3);
const newsletterSends = scaled(slow(4), 5_000, 200_000);
// Shares the revenue's trend and season, and nothing else.
const storeCount = added(trend(WEEKS, 40, 0.2), yearlySeason(WEEKS, 4), slow(5, 0.3));
// Launched twelve weeks ago.
const featureUsage = slow(6).map((v, t) => (t < WEEKS - 12 ? null : 500 + 50 * v));
const noiseInputs = Array.from({ length: 10 }, (_, i) => scaled(slow(100 + i), 10, 100));

// Outputs: their own life plus what the planted links add.
const sessions = added(outputBase(11, 10_000), scaled(delayed(adSpend, 2), 0.06)); // 2 weeks later
const orders = added(outputBase(12, 3_000), scaled(delayed(pageLoad, 1), -0.6)); // 1 week later, down
const margin = added(outputBase(13, 0.4), scaled(freeShippingShare, -0.25)); // the wrong way
const revenue = outputBase(14, 100_000);
const repeatOrders = added(outputBase(15, 800), scaled(delayed(newsletterSends, 3), 0.002)); // undeclared
const noiseOutput = outputBase(16, 1_000);

const input = (id: string, drives: string[], direction = 'higher_is_better' as const) =>
	({ id, kind: 'input', direction, drives }) satisfies EvidenceMetric;
const output = (id: string) =>
	({ id, kind: 'output', direction: 'higher_is_better' }) satisfies EvidenceMetric;

const metrics: EvidenceMetric[] = [
	input('ad_spend', ['sessions']),
	{ id: 'page_load_p90', kind: 'input', direction: 'lower_is_better', drives: ['orders'] },
	input('free_shipping_share', ['margin']),
	input('store_count', ['revenue']),
	input('feature_usage', ['orders']),
	input('newsletter_sends', []), // drives repeat_orders, but the catalog does not say so
	...noiseInputs.map((_, i) => input(`noise_${i}`, ['noise_output'])),
	...['sessions', 'orders', 'margin', 'revenue', 'repeat_orders', 'noise_output'].map(output)
];
const series = new Map<string, (number | null)[]>([
	['ad_spend', adSpend],
	['page_load_p90', pageLoad],
	['free_shipping_share', freeShippingShare],
	['store_count', storeCount],
	['feature_usage', featureUsage],
	['newsletter_sends', newsletterSends],
	...noiseInputs.map((s, i): [string, number[]] => [`noise_${i}`, s]),
	['sessions', sessions],
	['orders', orders],
	['margin', margin],
	['revenue', revenue],
	['repeat_orders', repeatOrders],
	['noise_output', noiseOutput]
]);

const evidence = judgeEvidence(metrics, series);
const link = (inputId: string, outputId: string): EvidenceLink =>
	evidence.links.find((l) => l.input === inputId && l.output === outputId)!;

function levelCorrelation(a: number[], b: number[]): number {
	const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
	const [ma, mb] = [mean(a), mean(b)];
	let [ab, aa, bb] = [0, 0, 0];
	for (let t = 0; t < a.length; t++) {
		ab += (a[t]! - ma) * (b[t]! - mb);
		aa += (a[t]! - ma) ** 2;
		bb += (b[t]! - mb) ** 2;
	}
	return ab / Math.sqrt(aa * bb);
}

describe('planted links over 156 weeks', () => {
	it('judges every declared link, in the catalog order, on the whole axis', () => {
		expect(evidence.weeks).toBe(156);
		expect(evidence.links).toHaveLength(15);
		expect(evidence.links.every((l) => l.declared)).toBe(true);
	});

	it('supports ad spend -> sessions, two weeks later, the same way', () => {
		expect(link('ad_spend', 'sessions')).toMatchObject({
			verdict: 'supported',
			lagWeeks: 2,
			weeks: 156
		});
		expect(link('ad_spend', 'sessions').correlation).toBeGreaterThan(0.3);
	});

	it('supports a slower page (lower is better) pulling orders down one week later', () => {
		const pageToOrders = link('page_load_p90', 'orders');
		expect(pageToOrders).toMatchObject({ verdict: 'supported', lagWeeks: 1 });
		expect(pageToOrders.correlation).toBeLessThan(-0.3);
	});

	it('does not support store count -> revenue, which only share a trend and a season', () => {
		// Their levels correlate almost perfectly; their whitened changes do not.
		expect(levelCorrelation(storeCount, revenue)).toBeGreaterThan(0.9);
		expect(link('store_count', 'revenue').verdict).toBe('not_supported');
	});

	it('calls free shipping share -> margin opposite: the link moves margin the wrong way', () => {
		const shippingToMargin = link('free_shipping_share', 'margin');
		expect(shippingToMargin).toMatchObject({ verdict: 'opposite', lagWeeks: 0 });
		expect(shippingToMargin.correlation).toBeLessThan(0);
	});

	it('has too little data for a feature launched 12 weeks ago', () => {
		expect(link('feature_usage', 'orders')).toEqual({
			input: 'feature_usage',
			output: 'orders',
			declared: true,
			verdict: 'too_little_data',
			lagWeeks: null,
			correlation: null,
			weeks: 12
		});
	});

	it('calls at most two of the ten declared noise links supported', () => {
		const noiseLinks = evidence.links.filter((l) => l.output === 'noise_output');
		expect(noiseLinks).toHaveLength(10);
		expect(noiseLinks.filter((l) => l.verdict === 'supported').length).toBeLessThanOrEqual(2);
	});

	it('suggests the undeclared newsletter sends -> repeat orders, three weeks later, first', () => {
		expect(evidence.suggested[0]).toMatchObject({
			input: 'newsletter_sends',
			output: 'repeat_orders',
			lagWeeks: 3,
			weeks: 156
		});
		expect(evidence.suggested[0]!.correlation).toBeGreaterThan(0.3);
	});

	it('suggests no declared link, and next to nothing else', () => {
		const declared = new Set(evidence.links.map((l) => `${l.input}>${l.output}`));
		expect(evidence.suggested.some((s) => declared.has(`${s.input}>${s.output}`))).toBe(false);
		expect(evidence.suggested.length).toBeLessThanOrEqual(2);
	});
});
