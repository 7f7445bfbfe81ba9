/**
 * `flywheel review` on the demo business, as a user runs it: the review JSON carries each metric's
 * `band` and `signals` and the ranked `exceptions` (README.md beside this file).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCsv } from '../../../data/generate-demo.js';
import { SIGNAL_RULES } from '../bands/signals';
import type { Review } from './types';

let folder: string;
let review: Review;

beforeAll(async () => {
	folder = mkdtempSync(path.join(tmpdir(), 'flywheel-demo-'));
	const csv = path.join(folder, 'demo.csv');
	writeFileSync(csv, generateDemoCsv());
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[
			'bin/flywheel.js',
			'review',
			csv,
			'--config',
			'data/demo-catalog.yaml',
			'--week-ending',
			'2026-11-21',
			'--json'
		],
		{ maxBuffer: 64 * 1024 * 1024 }
	);
	review = JSON.parse(stdout) as Review;
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const metrics = () => review.blocks.flatMap((b) => b.metrics);

describe('flywheel review --json on the demo data', () => {
	it('gives every metric a band: method, centre, limits and the baseline it came from', () => {
		expect(metrics()).toHaveLength(19);
		for (const m of metrics()) {
			const band = m.band;
			expect(band, m.id).not.toBeNull();
			expect(band?.status, m.id).toBe('ok');
			expect(['xmr', 'xmr_median', 'plan', 'yoy', 'fixed']).toContain(band?.method);
			for (const limit of [band?.centre, band?.lower, band?.upper])
				expect(typeof limit, m.id).toBe('number');
			expect(band?.lower ?? 0).toBeLessThanOrEqual(band?.upper ?? 0);
			if (band?.method === 'xmr' || band?.method === 'xmr_median') {
				expect(band.baseline, m.id).toEqual({ from: '2026-05-23', to: '2026-11-14' });
			} else {
				// A plan or last year's value is the reference, period by period: no baseline.
				expect(band?.baseline, m.id).toBeNull();
			}
		}
		const byId = new Map(metrics().map((m) => [m.id, m]));
		expect(byId.get('sessions')?.band?.method).toBe('yoy');
		expect(byId.get('orders')?.band?.method).toBe('plan');
		// Orders' band is its plan ± 3% (data/demo-catalog.yaml).
		const plan = byId.get('orders')?.plan?.lastWeek ?? NaN;
		expect(byId.get('orders')?.band?.lower).toBeCloseTo(plan * 0.97, 6);
		expect(byId.get('orders')?.band?.upper).toBeCloseTo(plan * 1.03, 6);
	});

	it('lists each metric’s signals with rule, period range and good or bad news', () => {
		for (const m of metrics()) {
			expect(Array.isArray(m.signals), m.id).toBe(true);
			for (const s of m.signals) {
				expect(SIGNAL_RULES).toContain(s.rule);
				expect(s.from <= s.to && s.to === '2026-11-21', m.id).toBe(true);
				expect([true, false, null]).toContain(s.good);
			}
		}
		const signalled = metrics()
			.filter((m) => m.signals.length > 0)
			.map((m) => m.id);
		expect(new Set(review.exceptions)).toEqual(new Set(signalled));
	});

	it('ranks the exceptions by severity, each with its rule, value, band and variance', () => {
		expect(review.exceptions.slice(0, 3)).toEqual([
			'on_time_delivery',
			'page_load_p90',
			'price_competitiveness'
		]);
		expect(review.exceptionDetails.map((e) => e.metricId)).toEqual(review.exceptions);
		const strike = review.exceptionDetails[0];
		expect(strike).toMatchObject({
			metricId: 'on_time_delivery',
			kind: 'input',
			period: '2026-11-21',
			variance: 'below',
			good: false
		});
		expect(strike?.rules).toContain('beyond_limit');
		// The strike week's on-time rate (~86%) is far below the band around ~94%.
		expect(strike?.value).toBeLessThan(0.88);
		expect(strike?.value).toBeLessThan(strike?.band.lower ?? 0);
		expect(review.summary.text).toBe(
			`${19 - review.exceptions.length} of 19 metrics within their expected band`
		);
	});
});
