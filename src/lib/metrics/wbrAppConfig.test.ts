import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './configSource';
import { guessDirection, guessKind, guessUnit } from './guess';
import { loadWbrAppConfig } from './wbrAppConfig';

const peer = (file: string) => readFileSync(path.resolve('../shared/peers/wbr-app', file), 'utf8');

describe('loadWbrAppConfig', () => {
	it('loads setup, metrics and deck as they are (scenario 4)', () => {
		const { catalog, deck } = loadWbrAppConfig(peer('scenario_4/config.yaml'));
		expect(catalog.review).toEqual({ weekEndingWeekday: 'saturday', fiscalYearEndMonth: 12 });
		expect(deck).toMatchObject({
			weekEnding: '2022-04-30',
			weekNumber: 16,
			title: 'WBR Test Cases'
		});
		const byId = new Map(catalog.metrics.map((m) => [m.id, m]));
		expect(byId.get('CumulativePaidCustomers')).toMatchObject({
			source: { metric: 'cumulative_paid_customers' },
			aggregation: 'mean'
		});
		expect(byId.get('TestFilterMetricUS')?.source).toEqual({
			metric: 'latency',
			conditions: [{ dimension: 'latency_country', operator: '==', value: 'US' }]
		});
		expect(byId.get('TestDivisionMetric')?.derived).toEqual({
			operation: 'divide',
			operands: ['ChurnedCustomers', 'CumulativePaidCustomers']
		});
		expect(deck.blocks[0]).toMatchObject({
			type: '6_12Graph',
			monthlyDisplay: 'trailing_twelve_months',
			metrics: [{ id: 'CumulativePaidCustomers', showPriorYear: true }]
		});
	});

	it('lets a block override the setup’s monthly display, and reads bps, tables and YOY/MOM series (scenarios 8, 9)', () => {
		const eight = loadWbrAppConfig(peer('scenario_8/config.yaml')).deck.blocks;
		expect(eight.map((b) => b.type !== 'section' && b.monthlyDisplay)).toEqual([
			'fiscal_year',
			'trailing_twelve_months'
		]);
		const nine = loadWbrAppConfig(peer('scenario_9/config.yaml'));
		expect(nine.catalog.metrics.find((m) => m.id === 'Desktop_Pct')?.comparison).toBe('bps');
		const table = nine.deck.blocks[0];
		expect(table?.type).toBe('12_MonthsTable');
		if (table?.type !== '12_MonthsTable') return;
		expect(table.rows.map((r) => r.metric?.comparison ?? null).slice(0, 5)).toEqual([
			null,
			null,
			null,
			'yoy',
			'mom'
		]);
		expect(table.rows[3]?.metric).toMatchObject({ id: 'PageViewsYOY', metric: 'PageViews' });
	});

	it('strips the data source query from `column: main_metrics.X` and keeps line_style target (demo config)', () => {
		const { catalog, deck } = loadWbrAppConfig(peer('demo_uploads/1-wbr-sample-config.yaml'));
		expect(catalog.metrics.find((m) => m.id === 'Defects/Million')?.source?.metric).toBe(
			'Defects/Million'
		);
		expect(catalog.metrics.find((m) => m.id === 'PageViews Target')?.source?.metric).toBe(
			'PageViews__Target'
		);
		const pageViews = deck.blocks.find((b) => b.title === 'Total Page Views (Millions)');
		expect(pageViews?.type === '6_12Graph' && pageViews.metrics.map((m) => m.lineStyle)).toEqual([
			'primary',
			'target',
			'secondary'
		]);
	});

	it('names the line and field of each problem', () => {
		const text = `setup:
  week_ending: 31-FEB-2021
  week_number: 38
metrics:
  A:
    column: a
    aggf: median
deck:
  - block:
      ui_type: 6_12Graph
      title: A
      metrics:
        B:
          graph_prior_year_flag: true
`;
		expect(() => loadWbrAppConfig(text)).toThrow(ConfigError);
		try {
			loadWbrAppConfig(text);
		} catch (error) {
			expect((error as Error).message.split('\n')).toEqual([
				'config.yaml:2: setup.week_ending: expected a date like 25-SEP-2021, not "31-FEB-2021"',
				'config.yaml:7: metrics.A.aggf: expected one of sum, mean, min, max, first, last, not "median"',
				'config.yaml:14: deck[0].block.metrics.B: "B" is not defined under metrics:'
			]);
		}
	});
});

describe('guesses from names', () => {
	it('takes latency, time and cost as lower-is-better, orders and revenue as outputs', () => {
		expect(guessDirection('PageLatencyP90')).toBe('lower_is_better');
		expect(guessDirection('PO_LeadTime')).toBe('lower_is_better');
		expect(guessDirection('cac_usd')).toBe('lower_is_better');
		expect(guessDirection('Tele_OnTime')).toBe('higher_is_better');
		expect(guessDirection('Orders')).toBe('higher_is_better');
		expect(guessKind('Orders')).toBe('output');
		expect(guessKind('net_revenue')).toBe('output');
		expect(guessKind('page_load_time')).toBe('input');
		expect(guessUnit('pct_customer_group_1')).toBe('percent');
		expect(guessUnit('new_logo_mrr_usd')).toBe('currency');
	});
});
