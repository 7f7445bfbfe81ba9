import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv, generateDemoRows } from '../../../data/generate-demo.js';
import { startNodeEngine } from '../engine/node';
import { ingestFiles } from '../ingest';
import type { Engine } from '../engine/types';
import { demoCatalog } from './demo-catalog';
import { weeklySeries, type MetricWeeks } from './weekly-series';

let engine: Engine;
let series: Map<string, MetricWeeks>;
const rows = generateDemoRows();
const total = (metric: string, from: string, to: string) =>
	rows
		.filter((r) => r.metric === metric && r.date >= from && r.date <= to)
		.reduce((sum, r) => sum + r.value, 0);

beforeAll(async () => {
	engine = await startNodeEngine();
	const data = new TextEncoder().encode(generateDemoCsv());
	const { files } = await ingestFiles(engine, [{ name: 'demo.csv', data }]);
	expect(files[0]?.rowsLoaded).toBe(rows.length);
	series = new Map((await weeklySeries(engine, demoCatalog())).map((s) => [s.id, s]));
});
afterAll(async () => engine.close());

const at = (id: string, weekEnding: string) => {
	const s = series.get(id);
	if (!s) throw new Error(`no series ${id}`);
	return s.values[s.weekEndings.indexOf(weekEnding)];
};

describe('weekly series of the demo business', () => {
	it('has 156 weeks ending on Saturdays, the last one 2026-11-21', () => {
		const weeks = series.get('orders')?.weekEndings ?? [];
		expect(weeks).toHaveLength(156);
		expect(weeks[0]).toBe('2023-12-02');
		expect(weeks.at(-1)).toBe('2026-11-21');
		expect(weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 6)).toBe(true);
	});

	it('sums a week over every segment (checked against the generator)', () => {
		expect(at('orders', '2026-11-21')).toBe(total('orders', '2026-11-15', '2026-11-21'));
		expect(at('revenue', '2026-11-21')).toBeCloseTo(
			total('revenue', '2026-11-15', '2026-11-21'),
			2
		);
	});

	it('computes a ratio of totals, not a mean of daily ratios', () => {
		const expected =
			total('orders', '2026-11-15', '2026-11-21') / total('sessions', '2026-11-15', '2026-11-21');
		expect(at('conversion_rate', '2026-11-21')).toBeCloseTo(expected, 12);
	});

	it('has no data for a sum over a week with a missing day', () => {
		expect(at('new_skus_added', '2025-08-16')).toBeNull();
		expect(at('new_skus_added', '2025-08-23')).toBe(
			total('new_skus_added', '2025-08-17', '2025-08-23')
		);
	});

	it('takes the plan from its own column and a constant plan as given', () => {
		const plan = series.get('revenue')?.plan ?? [];
		expect(plan.at(-1)).toBeCloseTo(total('revenue_plan', '2026-11-15', '2026-11-21'), 2);
		expect(series.get('in_stock_rate')?.plan?.at(-1)).toBe(0.95);
		expect(series.get('sessions')?.plan).toBeNull();
	});
});
