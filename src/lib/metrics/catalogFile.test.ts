import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog';
import { catalogFromMetrics, catalogToYaml, guessAggregation, labelFromName } from './catalogFile';

describe('catalogFromMetrics', () => {
	it('guesses each metric from its name and pairs a target column with its metric', () => {
		// The columns of the WBR App's scenario 1 export.
		const catalog = catalogFromMetrics([
			'Impressions',
			'Clicks',
			'Defects/Million',
			'PageViews',
			'PageViews__Target',
			'pct_customer_group_1'
		]);
		expect(catalog.metrics.map((m) => m.id)).toEqual([
			'Impressions',
			'Clicks',
			'Defects/Million',
			'PageViews',
			'pct_customer_group_1'
		]);
		const pageViews = catalog.metrics.find((m) => m.id === 'PageViews');
		expect(pageViews?.plan).toEqual({
			source: { metric: 'PageViews__Target' },
			aggregation: 'sum'
		});
		const defects = catalog.metrics.find((m) => m.id === 'Defects/Million');
		expect(defects?.direction).toBe('lower_is_better');
		expect(catalog.metrics.find((m) => m.id === 'pct_customer_group_1')?.aggregation).toBe('mean');
		expect(catalog.guessed?.['Clicks']).toEqual(['kind', 'direction', 'unit', 'aggregation']);
	});

	it('averages rates and latencies, adds up counts', () => {
		expect(guessAggregation('conversion_rate')).toBe('mean');
		expect(guessAggregation('page_load_p90_ms')).toBe('mean');
		expect(guessAggregation('orders')).toBe('sum');
		expect(guessAggregation('marketing_spend')).toBe('sum');
		expect(labelFromName('page_load_p90_ms')).toBe('Page load p90 ms');
		expect(labelFromName('MobilePageViews')).toBe('Mobile Page Views');
	});
});

describe('catalogToYaml', () => {
	it('writes a file the parser reads back to the same catalog (the demo catalog)', () => {
		const demo = parseCatalog(readFileSync('data/demo-catalog.yaml', 'utf8'), 'demo-catalog.yaml');
		const again = parseCatalog(catalogToYaml(demo), 'exported.yaml');
		expect(again.review).toEqual(demo.review);
		expect(again.metrics).toEqual(demo.metrics);
	});

	it('round-trips a guessed catalog with its plans', () => {
		const guessed = catalogFromMetrics(['orders', 'orders_plan', 'sessions', 'conversion_rate']);
		const again = parseCatalog(catalogToYaml(guessed));
		expect(again.metrics).toEqual(guessed.metrics);
	});
});
