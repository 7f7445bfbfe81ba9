/**
 * `flywheel evidence` as a user runs it, on native DuckDB: a weekly export of 130 weeks with
 * planted links, read by the same ingest and weekly history as the review, judged against what
 * was planted.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekEndings } from '../lib/bands/testing';
import type { Evidence } from '../lib/evidence/types';
import { added, autoregressive, delayed, noise, scaled } from '../lib/evidence/testing';

const WEEKS = 130;
/**
 * The weeks judged: the review's weekly history (src/lib/demo/weekly-series.ts) starts with the
 * first week whose seven days all follow the data's first date, so a file dated by week ending
 * loses its first week.
 */
const JUDGED = WEEKS - 1;
let folder: string;
let csv: string;
let catalog: string;

// Ad spend moves sessions two weeks later; a coupon count is declared but moves nothing; emails
// move repeat orders the same week, which the catalog does not say.
const adSpend = scaled(autoregressive(WEEKS, 0.7, noise(1)), 500, 20_000);
const coupons = scaled(autoregressive(WEEKS, 0.7, noise(2)), 30, 1_000);
const emails = scaled(autoregressive(WEEKS, 0.7, noise(3)), 2_000, 90_000);
const sessions = added(
	scaled(autoregressive(WEEKS, 0.7, noise(4)), 400, 50_000),
	scaled(delayed(adSpend, 2), 0.8)
);
const repeatOrders = added(
	scaled(autoregressive(WEEKS, 0.7, noise(5)), 20, 3_000),
	scaled(emails, 0.01)
);

const CATALOG = `review:
  week_ending_weekday: saturday
  fiscal_year_end_month: 12
metrics:
  ad_spend:
    label: Ad spend
    source: { metric: ad_spend }
    aggregation: sum
    kind: input
    direction: higher_is_better
    unit: currency
    views: [operational]
    drives: [sessions]
  coupons:
    label: Coupons issued
    source: { metric: coupons }
    aggregation: sum
    kind: input
    direction: higher_is_better
    unit: count
    views: [operational]
    drives: [sessions]
  emails:
    label: Emails sent
    source: { metric: emails }
    aggregation: sum
    kind: input
    direction: higher_is_better
    unit: count
    views: [operational]
  sessions:
    label: Sessions
    source: { metric: sessions }
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: count
    views: [operational]
  repeat_orders:
    label: Repeat orders
    source: { metric: repeat_orders }
    aggregation: sum
    kind: output
    direction: higher_is_better
    unit: count
    views: [operational]
`;

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'flywheel-evidence-'));
	csv = path.join(folder, 'weekly.csv');
	const rows = weekEndings(WEEKS, '2025-06-28').map((week, t) =>
		[week, adSpend, coupons, emails, sessions, repeatOrders]
			.map((v) => (typeof v === 'string' ? v : v[t]!.toFixed(2)))
			.join(',')
	);
	writeFileSync(csv, ['week,ad_spend,coupons,emails,sessions,repeat_orders', ...rows].join('\n'));
	catalog = path.join(folder, 'catalog.yaml');
	writeFileSync(catalog, CATALOG);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = (...args: string[]) =>
	promisify(execFile)(process.execPath, ['bin/flywheel.js', 'evidence', ...args]);

describe('flywheel evidence', () => {
	it('judges the declared links and suggests the undeclared one (--json)', async () => {
		const { stdout } = await run(csv, '--config', catalog, '--json');
		const evidence = JSON.parse(stdout) as Evidence;
		expect(evidence.weeks).toBe(JUDGED);
		expect(evidence.links.map((l) => [l.input, l.output, l.verdict, l.lagWeeks])).toEqual([
			['ad_spend', 'sessions', 'supported', 2],
			['coupons', 'sessions', 'not_supported', expect.any(Number)]
		]);
		expect(evidence.links[0]?.weeks).toBe(JUDGED);
		expect(evidence.suggested).toHaveLength(1);
		expect(evidence.suggested[0]).toMatchObject({
			input: 'emails',
			output: 'repeat_orders',
			lagWeeks: 0,
			weeks: JUDGED
		});
	});

	it('prints one sentence a link without --json, with the labels', async () => {
		const { stdout } = await run(csv, '--config', catalog);
		expect(stdout).toContain(`Evidence over ${JUDGED} weeks`);
		expect(stdout).toMatch(/supported: Ad spend moves Sessions the expected way, 2 weeks later/);
		expect(stdout).toMatch(/not_supported: No clear sign that Coupons issued moves Sessions/);
		expect(stdout).toMatch(/Repeat orders moves the same way as Emails sent, the same week/);
	});

	it('declares no link without --config (the catalog is guessed), and says so', async () => {
		const { stdout } = await run(csv, '--json');
		const evidence = JSON.parse(stdout) as Evidence;
		expect(evidence.links).toEqual([]);
		expect(evidence.weeks).toBe(JUDGED);
		const text = await run(csv);
		expect(text.stdout).toContain('none (the catalog declares no `drives`)');
	});

	it('is a usage error (exit 2) with no file, and shows its options with --help', async () => {
		await expect(run('--json')).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('flywheel evidence: name at least one CSV file')
		});
		const { stdout } = await run('--help');
		expect(stdout).toContain('flywheel evidence FILE... [--config CATALOG.yaml] [options]');
		expect(stdout).toContain('--week-ending YYYY-MM-DD');
	});
});
