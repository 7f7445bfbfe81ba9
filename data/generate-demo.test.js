import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ANOMALIES, generateDemoCsv, generateDemoRows } from './generate-demo.js';

const rows = generateDemoRows();
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const valuesOf = (metric, filter = () => true) =>
	rows.filter((r) => r.metric === metric && filter(r)).map((r) => r.value);

describe('demo business', () => {
	it('is deterministic: the same seed gives the same bytes', () => {
		const hash = (text) => createHash('sha256').update(text).digest('hex');
		expect(hash(generateDemoCsv())).toBe(hash(generateDemoCsv()));
		expect(hash(generateDemoCsv(7))).not.toBe(hash(generateDemoCsv()));
	});

	it('covers three years of days, 156 weeks from a Sunday to a Saturday', () => {
		const days = new Set(rows.map((r) => r.date));
		expect(days.size).toBe(156 * 7);
		expect([...days].sort()[0]).toBe('2023-11-26');
		expect([...days].sort().at(-1)).toBe('2026-11-21');
	});

	it('has a catalog with at least 12 inputs and 6 outputs, each with data', () => {
		const catalog = parse(readFileSync('data/demo-catalog.yaml', 'utf8'));
		const metrics = Object.entries(catalog.metrics);
		const shown = metrics.filter(([, m]) => m.views.length > 0);
		expect(shown.filter(([, m]) => m.kind === 'input').length).toBeGreaterThanOrEqual(12);
		expect(shown.filter(([, m]) => m.kind === 'output').length).toBeGreaterThanOrEqual(6);
		const names = new Set(rows.map((r) => r.metric));
		for (const [id, m] of metrics) {
			for (const name of m.source ? [m.source.metric] : []) expect(names, id).toContain(name);
			if (m.plan?.source) expect(names, id).toContain(m.plan.source.metric);
		}
	});

	it('plants the page-load step on web only, and conversion falls after it', () => {
		const before = (r) => r.date >= '2026-08-01' && r.date < ANOMALIES.pageLoadStep;
		const after = (r) => r.date >= ANOMALIES.pageLoadStep;
		const web = (r) => r.channel === 'web';
		const app = (r) => r.channel === 'app';
		const ratio = (metric, segment) =>
			mean(valuesOf(metric, (r) => after(r) && segment(r))) /
			mean(valuesOf(metric, (r) => before(r) && segment(r)));
		expect(ratio('page_load_p90_ms', web)).toBeCloseTo(1.6, 1);
		expect(ratio('page_load_p90_ms', app)).toBeCloseTo(1.0, 1);
		// Web conversion (orders per session) in the last four weeks is ~14% below August's.
		const conversion = (filter) =>
			valuesOf('orders', (r) => web(r) && filter(r)).reduce((a, b) => a + b, 0) /
			valuesOf('sessions', (r) => web(r) && filter(r)).reduce((a, b) => a + b, 0);
		const late = conversion((r) => r.date > '2026-10-24');
		const early = conversion(before);
		expect(late / early).toBeGreaterThan(0.83);
		expect(late / early).toBeLessThan(0.89);
	});

	it('plants the carrier strike in the last week and a missing day', () => {
		const strike = valuesOf('on_time_delivery_rate', (r) => r.date >= ANOMALIES.onTimeDrop[0]);
		expect(strike).toHaveLength(7);
		expect(mean(strike)).toBeCloseTo(0.86, 2);
		expect(valuesOf('new_skus_added', (r) => r.date === ANOMALIES.missingDay)).toEqual([]);
		expect(valuesOf('new_skus_added', (r) => r.date === '2025-08-15')).toHaveLength(1);
	});
});
