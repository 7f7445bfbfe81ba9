import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog';
import { ConfigError } from './configSource';
import { deckFromCatalog } from './deck';

const CATALOG = `review:
  week_ending_weekday: saturday
  fiscal_year_end_month: FEB
metrics:
  - id: orders
    label: Orders
    source: Orders
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: count
    plan: { column: Orders_Plan }
    views: [strategic]
  - id: page_load_time
    source: { metric: latency, filter: { region: EU } }
    aggregation: mean
    drives: [orders]
  - id: conversion
    derived: { divide: [orders, sessions] }
    comparison: bps
  - id: sessions
    column: Sessions
    aggregation: sum
`;

function issues(text: string): string[] {
	try {
		parseCatalog(text, 'catalog.yaml');
	} catch (error) {
		if (error instanceof ConfigError) return error.message.split('\n');
		throw error;
	}
	return [];
}

describe('parseCatalog', () => {
	it('also reads metrics as a map keyed by id, and names the line of a problem there', () => {
		const catalog = parseCatalog(
			'metrics:\n  orders:\n    source: Orders\n    aggregation: sum\n  revenue:\n    source: Revenue\n    aggregation: sum\n  aov:\n    derived: { divide: [revenue, orders] }\n'
		);
		expect(catalog.metrics.map((m) => m.id)).toEqual(['orders', 'revenue', 'aov']);
		expect(catalog.metrics[0]).toMatchObject({ source: { metric: 'Orders' }, aggregation: 'sum' });
		expect(() =>
			parseCatalog('metrics:\n  orders:\n    source: Orders\n    aggregation: average\n', 'c.yaml')
		).toThrow(/c\.yaml:4: metrics\.orders\.aggregation: expected one of sum/);
	});

	it('reads every field, and records what it had to guess', () => {
		const catalog = parseCatalog(CATALOG);
		expect(catalog.review).toEqual({ weekEndingWeekday: 'saturday', fiscalYearEndMonth: 2 });
		const [orders, load, conversion, sessions] = catalog.metrics;
		expect(orders).toMatchObject({
			id: 'orders',
			kind: 'output',
			views: ['strategic'],
			plan: { source: { metric: 'Orders_Plan' } }
		});
		expect(load).toMatchObject({
			source: { metric: 'latency', filter: { region: 'EU' } },
			aggregation: 'mean',
			kind: 'input',
			direction: 'lower_is_better',
			drives: ['orders']
		});
		expect(conversion).toMatchObject({
			derived: { operation: 'divide', operands: ['orders', 'sessions'] },
			comparison: 'bps',
			unit: 'percent'
		});
		expect(sessions?.source).toEqual({ metric: 'Sessions' });
		expect(catalog.guessed?.['page_load_time']).toEqual(['kind', 'direction', 'unit']);
		expect(catalog.guessed?.['orders']).toBeUndefined();
	});

	it('names the line and field of each problem', () => {
		const text = CATALOG.replace('aggregation: mean', 'aggregation: average').replace(
			'unit: count',
			'unit: dollars'
		);
		expect(issues(text)).toEqual([
			'catalog.yaml:11: metrics[0].unit: expected one of count, currency, percent, bps, duration, number, not "dollars"',
			'catalog.yaml:16: metrics[1].aggregation: expected one of sum, mean, min, max, first, last, not "average"'
		]);
	});

	it('rejects unknown operands, duplicate ids and cycles', () => {
		const text = `metrics:
  - id: a
    derived: { sum: [b, c] }
  - id: b
    derived: { difference: [a, x] }
  - id: c
    source: C
    aggregation: sum
  - id: c
    source: C
    aggregation: max
`;
		expect(issues(text)).toEqual([
			'catalog.yaml:9: metrics[3].id: "c" is defined twice',
			'catalog.yaml:5: metrics[1].derived: uses "x", which is not defined',
			'catalog.yaml:3: metrics[0].derived: is derived from itself: a → b → a'
		]);
	});

	it('reports a YAML syntax error with its line', () => {
		expect(issues('metrics:\n  - id: a\n   source: [\n')[0]).toMatch(/^catalog\.yaml:3: /);
	});
});

describe('deckFromCatalog', () => {
	it('shows every metric as a 6-12 chart; a view puts its own kind first', () => {
		const catalog = parseCatalog(CATALOG);
		expect(deckFromCatalog(catalog).blocks.map((b) => b.title)).toEqual([
			'Orders',
			'page_load_time',
			'conversion',
			'sessions'
		]);
		const operational = deckFromCatalog(catalog, { view: 'operational' });
		expect(operational.blocks.map((b) => b.title)).toEqual([
			'page_load_time',
			'conversion',
			'sessions'
		]);
		const strategic = deckFromCatalog(catalog, { view: 'strategic' });
		expect(strategic.blocks[0]?.title).toBe('Orders');
	});
});
