// The review at WBR scale, as a customer meets it: a wide daily export of 500 metrics over three
// years (generated here, not committed) loaded through /upload. Both reviews show, with the same
// exception counts as `flywheel review --json` gives for the same file and a WBR App
// configuration of one 6-12 block per metric; the page stays responsive while the reviews build
// (no main-thread task over 200 ms); no console error, nothing requested from another origin.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { openApp } from './browser.js';

const METRICS = 500;
const DAYS = 1092; // 2022-11-27 (a Sunday) to 2025-11-22 (a Saturday): 156 whole weeks
const WEEK_ENDING = '2025-11-22';

/** A seeded PRNG (mulberry32), floats in [0, 1). @param {number} seed */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Noisy daily levels, one column per metric: about 5% of weeks fall outside their XmR band by chance. */
function wideExport() {
	const next = random(500);
	const names = Array.from({ length: METRICS }, (_, i) => `metric_${String(i).padStart(3, '0')}`);
	const levels = names.map(() => 100 + next() * 10_000);
	const lines = [`date,${names.join(',')}`];
	for (let day = 0; day < DAYS; day++) {
		const date = new Date(Date.UTC(2022, 10, 27) + day * 86_400_000).toISOString().slice(0, 10);
		lines.push(`${date},${levels.map((l) => (l * (0.9 + 0.2 * next())).toFixed(2)).join(',')}`);
	}
	return { names, csv: `${lines.join('\n')}\n` };
}

/** The WBR App configuration of the same review: one 6-12 block per metric, summed daily values. */
function wbrConfig(/** @type {string[]} */ names) {
	const metrics = names.map((n) => `  ${n}:\n    column: ${n}\n    aggf: sum\n`).join('');
	const deck = names
		.map(
			(n) =>
				`  - block:\n      ui_type: 6_12Graph\n      title: ${n}\n      metrics:\n        ${n}:\n          graph_prior_year_flag: true\n`
		)
		.join('');
	return `setup:\n  week_ending: 22-NOV-2025\n  week_number: 47\n\nmetrics:\n${metrics}\ndeck:\n${deck}`;
}

describe('a review of 500 metrics', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	const folder = mkdtempSync(join(tmpdir(), 'flywheel-scale-'));
	const { names, csv } = wideExport();
	const file = join(folder, 'wbr-500.csv');
	const config = join(folder, 'wbr-500.yaml');
	/** @type {{ exceptions: string[], monthlyExceptions: string[], weekEnding: string }} */
	let cli;
	before(async () => {
		writeFileSync(file, csv);
		writeFileSync(config, wbrConfig(names));
		const { stdout } = await promisify(execFile)(
			process.execPath,
			['bin/flywheel.js', 'review', file, '--config', config, '--json'],
			{ maxBuffer: 512 * 1024 * 1024 }
		);
		cli = JSON.parse(stdout);
		app = await openApp({ width: 1280, height: 900 });
	});
	after(async () => {
		await app?.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('loads the export with its 500 metrics', async () => {
		assert.equal(cli.weekEnding, WEEK_ENDING);
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
		await app.page.getByTestId('file-input').setInputFiles(file);
		await app.page.getByRole('button', { name: /^Load 1 file/ }).click();
		const row = app.page.locator('tr[data-file="wbr-500.csv"]');
		await row.waitFor({ timeout: 120_000 });
		assert.equal(await row.locator('[data-rows-loaded]').innerText(), DAYS.toLocaleString('en-US'));
		assert.match(await app.page.getByText(/\d+ metrics ·/).innerText(), /^500 metrics/);
	});

	it('shows both reviews with the exception counts of the command line, staying responsive', async () => {
		const { page } = app;
		await page.evaluate(() => {
			const longest = { ms: 0 };
			Object.assign(window, { longestTask: longest });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
			}).observe({ type: 'longtask' });
		});
		/** The summary line of the review at `path`, once that review is drawn. */
		const summary = async (/** @type {string} */ path, /** @type {RegExp} */ link) => {
			await page.getByRole('link', { name: link }).first().click();
			await page.waitForURL((url) => url.pathname === path);
			const title = page.locator(
				`[data-week-ending="${WEEK_ENDING}"]:not(.stale) #exceptions-title`
			);
			await title.waitFor({ timeout: 120_000 });
			return title.innerText();
		};
		/** The exception list's headline for `count` exceptions (describe.ts). */
		const headline = (/** @type {number} */ count) =>
			count === 0 ? 'No metric needs attention' : `${count} of ${METRICS} metrics need attention`;
		const weekly = await summary('/operational', /Operational review/);
		assert.equal(weekly, headline(cli.exceptions.length));
		const monthly = await summary('/strategic', /Strategic review/);
		assert.equal(monthly, headline(cli.monthlyExceptions.length));
		// Noise only: a few per cent of the metrics signal by chance, and the list is not empty.
		assert.ok(cli.exceptions.length > 0 && cli.exceptions.length < METRICS / 5);
		const longest = await page.evaluate(() => Reflect.get(window, 'longestTask').ms);
		console.log(
			`# longest main-thread task while both 500-metric reviews built: ${Math.round(longest)} ms`
		);
		assert.ok(longest <= 200, `a main-thread task took ${Math.round(longest)} ms`);
		await app.screenshot('review-500-strategic');
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
