/**
 * The WBR App's own test scenarios (../shared/peers/wbr-app, read in place): Flywheel's review of
 * each scenario's config.yaml and original.csv against its testconfig.yml. Where Flywheel
 * deliberately differs, DIFFERENCES holds Flywheel's value and the reason; each is explained in
 * ../periods/WBR_APP_DIFFERENCES.md. Everything else must match, within 1e-6 relative or the
 * expected value's own rounding (testconfig writes some values to 2 decimals).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { ingestFiles } from '../ingest';
import { loadReviewConfig } from '../metrics/config';
import { buildReview } from './buildReview';
import type { Review, ReviewMetric } from './types';

const SCENARIOS = path.resolve('../shared/peers/wbr-app');
const scenarioFile = (n: number, file: string) => path.join(SCENARIOS, `scenario_${n}`, file);

type Expected = number | string;
type Reason = 'partial period' | 'n/a, not 0.0' | 'month not over' | 'WOW prior year';

interface Difference {
	scenario: number;
	test: string;
	field: string;
	/** One cell; without it, `flywheel` is the whole field. */
	index?: number;
	flywheel: Expected | null | (Expected | null)[];
	reason: Reason;
}

const cells = (
	scenario: number,
	test: string,
	field: string,
	indexes: number[],
	reason: Reason
): Difference[] =>
	indexes.map((index) => ({ scenario, test, field, index, flywheel: null, reason }));

const FISCAL_AXIS = [
	'wk 8',
	'wk 9',
	'wk 10',
	'wk 11',
	'wk 12',
	'wk 13',
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];

/** Flywheel's value wherever it deliberately differs from the WBR App; see WBR_APP_DIFFERENCES.md. */
const DIFFERENCES: Difference[] = [
	// The data starts on Sun 5 Jan 2020: January 2020, and every to-date span that includes
	// 1-4 Jan 2020, is partial, so its sum is no data and no comparison is made against it.
	...cells(1, 'PageViewsFiscal', 'py_monthly', [0], 'partial period'),
	...cells(1, 'PageViewsFiscal', 'box_totals', [8], 'partial period'),
	...cells(1, 'PageViewsTrailing', 'py_monthly', [4], 'partial period'),
	...cells(1, 'PageViewsTrailing', 'box_totals', [8], 'partial period'),
	...cells(2, 'PageViewsFiscal', 'py_monthly', [0], 'partial period'),
	...cells(2, 'PageViewsFiscal', 'box_totals', [4, 6, 8], 'partial period'),
	...cells(2, 'PageViewsTrailing', 'cy_monthly', [0], 'partial period'),
	...cells(2, 'PageViewsTrailing', 'box_totals', [4, 6, 8], 'partial period'),
	...cells(3, 'PageViews', 'py_monthly', [4], 'partial period'),
	...cells(8, 'PageViews', 'py_monthly', [4], 'partial period'),
	...cells(8, 'PageViews', 'box_totals', [8], 'partial period'),
	...cells(8, 'PageViewsFiscalInSetup', 'py_monthly', [0], 'partial period'),
	...cells(8, 'PageViewsFiscalInSetup', 'box_totals', [8], 'partial period'),
	...cells(9, 'test_table', 'PageViewsYOY', [4], 'partial period'),
	...cells(9, 'test_table', 'DesktopPageViewsYOY', [4], 'partial period'),
	...cells(9, 'test_table', 'MobilePage_ViewsYOY', [4], 'partial period'),
	// Targets start on 1 Jan 2023: there is no prior year to compare with.
	...cells(6, 'TotalPMs_TARGET', 'box_totals', [2, 4, 6, 8], 'n/a, not 0.0'),
	...cells(6, 'MRR_TARGET', 'box_totals', [2, 4, 6, 8], 'n/a, not 0.0'),
	// Week ending 25 Mar 2023: March and April 2023 are not over, though the CSV has their days.
	...cells(7, 'Perfect_Sessions_percentFiscal', 'cy_monthly', [2, 3], 'month not over'),
	{
		scenario: 7,
		test: 'Perfect_Sessions_percentFiscal',
		field: 'x_axis',
		flywheel: FISCAL_AXIS,
		reason: 'month not over'
	},
	...cells(7, 'Perfect_Sessions_percent_non_bpsFiscal', 'cy_monthly', [2, 3], 'month not over'),
	{
		scenario: 7,
		test: 'Perfect_Sessions_percent_non_bpsFiscal',
		field: 'x_axis',
		flywheel: FISCAL_AXIS,
		reason: 'month not over'
	},
	// A week-over-week series has no prior-year line (the WBR App repeats the base metric's).
	{
		scenario: 7,
		test: 'Perfect_Sessions_percentTrailingWOW',
		field: 'py_6_weeks',
		flywheel: [null, null, null, null, null, null],
		reason: 'WOW prior year'
	}
];

/** testconfig.yml's expectations with Flywheel's deliberate differences applied. */
function expectedWith(
	scenario: number,
	test: string,
	field: string,
	values: Expected[]
): (Expected | null)[] {
	let result: (Expected | null)[] = values.map((v) =>
		typeof v === 'number' && Number.isNaN(v) ? null : v
	);
	for (const d of DIFFERENCES) {
		if (d.scenario !== scenario || d.test !== test || d.field !== field) continue;
		if (d.index === undefined) result = d.flywheel as (Expected | null)[];
		else result[d.index] = d.flywheel as Expected | null;
	}
	return result;
}

/** Within 1e-6 relative, or half a unit of the expected value's last written decimal. */
function matches(actual: Expected | null | undefined, expected: Expected | null): boolean {
	if (expected === null || actual === null || actual === undefined)
		return actual === expected || (actual === undefined && expected === null);
	if (typeof expected === 'string') return actual === expected;
	if (typeof actual !== 'number') return false;
	const written = String(expected);
	const decimals = /e/i.test(written) ? 0 : (written.split('.')[1]?.length ?? 0);
	const rounding = decimals > 0 ? 0.5 * 10 ** -decimals : 0;
	return Math.abs(actual - expected) <= Math.max(1e-6 * Math.abs(expected), rounding * (1 + 1e-9));
}

function assertField(
	label: string,
	actual: (Expected | null)[],
	expected: (Expected | null)[]
): void {
	const wrong = expected.flatMap((e, i) =>
		matches(actual[i], e) ? [] : [`[${i}] got ${actual[i]}, want ${e}`]
	);
	if (actual.length !== expected.length)
		wrong.push(`length ${actual.length}, want ${expected.length}`);
	expect(wrong, label).toEqual([]);
}

interface ScenarioTest {
	metric_name: string;
	[field: string]: unknown;
}

function scenarioTests(n: number): ScenarioTest[] {
	const parsed = parse(readFileSync(scenarioFile(n, 'testconfig.yml'), 'utf8')) as {
		tests: { test: ScenarioTest }[];
	};
	return parsed.tests.map((t) => t.test);
}

const GRAPH_FIELDS = [
	'cy_6_weeks',
	'py_6_weeks',
	'cy_monthly',
	'py_monthly',
	'x_axis',
	'box_totals'
] as const;

function graphField(
	metric: ReviewMetric,
	xAxis: string[],
	field: (typeof GRAPH_FIELDS)[number]
): (Expected | null)[] {
	const b = metric.box;
	switch (field) {
		case 'cy_6_weeks':
			return metric.sixWeeks.cy;
		case 'py_6_weeks':
			return metric.sixWeeks.py;
		case 'cy_monthly':
			return metric.twelveMonths.cy;
		case 'py_monthly':
			return metric.twelveMonths.py;
		case 'x_axis':
			return xAxis;
		case 'box_totals':
			return [b.lastWeek, b.wow, b.yoy, b.mtd, b.mtdYoy, b.qtd, b.qtdYoy, b.ytd, b.ytdYoy];
	}
}

/** Checks one scenario's review against its testconfig.yml; returns how many blocks were checked. */
function checkScenario(n: number, review: Review): number {
	let blocks = 0;
	for (const test of scenarioTests(n)) {
		const name = test.metric_name;
		const table = review.blocks.find((b) => b.title === name && b.rows);
		if (table) {
			assertField(
				`scenario ${n} ${name} headers`,
				table.headers ?? [],
				expectedWith(n, name, 'headers', test['headers'] as Expected[])
			);
			for (const row of table.rows ?? []) {
				if (!row.id || !(row.id in test)) continue;
				assertField(
					`scenario ${n} ${name} ${row.id}`,
					row.values,
					expectedWith(n, name, row.id, test[row.id] as Expected[])
				);
			}
			blocks++;
			continue;
		}
		const block = review.blocks.find(
			(b) => b.type === '6_12Graph' && b.metrics.some((m) => m.id === name)
		);
		const metric = block?.metrics.find((m) => m.id === name);
		expect(metric, `scenario ${n}: a 6_12Graph of ${name}`).toBeDefined();
		if (!block || !metric) continue;
		for (const field of GRAPH_FIELDS) {
			const expected = expectedWith(n, name, field, test[field] as Expected[]);
			assertField(
				`scenario ${n} ${name} ${field}`,
				graphField(metric, block.xAxis, field),
				expected
			);
		}
		blocks++;
	}
	return blocks;
}

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => engine.close());

async function reviewScenario(n: number): Promise<Review> {
	await engine.query('DROP TABLE IF EXISTS observations');
	const data = new Uint8Array(readFileSync(scenarioFile(n, 'original.csv')));
	const ingested = await ingestFiles(engine, [{ name: 'original.csv', data }]);
	expect(ingested.files[0]?.error).toBeUndefined();
	const config = loadReviewConfig(
		readFileSync(scenarioFile(n, 'config.yaml'), 'utf8'),
		'config.yaml'
	);
	return buildReview(engine, config);
}

const checked = new Map<number, number>();

describe('WBR App scenarios', () => {
	it('scenario 1 through the real CLI (node bin/flywheel.js review ... --json)', async () => {
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[
				'bin/flywheel.js',
				'review',
				scenarioFile(1, 'original.csv'),
				'--config',
				scenarioFile(1, 'config.yaml'),
				'--json'
			],
			{ maxBuffer: 32 * 1024 * 1024 }
		);
		checked.set(1, checkScenario(1, JSON.parse(stdout) as Review));
	});

	for (const n of [2, 3, 4, 5, 6, 7, 8, 9]) {
		it(`scenario ${n}`, async () => {
			checked.set(n, checkScenario(n, await reviewScenario(n)));
		});
	}

	it('checked all 42 expected blocks, and every documented difference is real', () => {
		expect([...checked.values()].reduce((a, b) => a + b, 0)).toBe(42);
		for (const d of DIFFERENCES) {
			const test = scenarioTests(d.scenario).find((t) => t.metric_name === d.test);
			const original = (test?.[d.field] as Expected[] | undefined) ?? [];
			const was = d.index === undefined ? original : [original[d.index] as Expected];
			const now =
				d.index === undefined
					? (d.flywheel as (Expected | null)[])
					: [d.flywheel as Expected | null];
			const same =
				was.length === now.length &&
				was.every((v, i) => matches(now[i], typeof v === 'number' && Number.isNaN(v) ? null : v));
			expect(same, `${JSON.stringify(d)} does not differ from testconfig`).toBe(false);
		}
	});
});
