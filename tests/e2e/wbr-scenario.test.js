// A WBR App user's first hour: their CSV and their YAML configuration, loaded in the app as they
// are, give the same box of figures as `flywheel review --json` on the same two files. Scenario 1
// of the WBR App's own tests (week ending 25 Sep 2021); the numbers come from the CLI, run here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const SCENARIO = '../shared/peers/wbr-app/scenario_1';
const WEEK = '2021-09-25';
/** @type {import('../../src/lib/review/types').Review} */
const cli = JSON.parse(
	execFileSync(
		process.execPath,
		[
			'bin/flywheel.js',
			'review',
			`${SCENARIO}/original.csv`,
			'--config',
			`${SCENARIO}/config.yaml`,
			'--week-ending',
			WEEK,
			'--json'
		],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	)
);
const fiscal = cli.blocks.flatMap((b) => b.metrics).find((m) => m.id === 'PageViewsFiscal');

describe('a WBR App scenario in the app', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
	});
	after(async () => app?.close());

	it('loads the CSV and the configuration as they are', async () => {
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
		await app.page.getByTestId('file-input').setInputFiles({
			name: 'original.csv',
			mimeType: 'text/csv',
			buffer: readFileSync(`${SCENARIO}/original.csv`)
		});
		await app.page.getByRole('button', { name: /^Load 1 file/ }).click();
		await app.page.locator('tr[data-file="original.csv"]').waitFor({ timeout: 60_000 });

		await app.page.goto(new URL('catalog', app.url).href);
		await app.page.locator('[data-catalog-metric]').first().waitFor({ timeout: 60_000 });
		await app.page.getByTestId('catalog-input').setInputFiles({
			name: 'config.yaml',
			mimeType: 'text/yaml',
			buffer: readFileSync(`${SCENARIO}/config.yaml`)
		});
		await app.page.locator('[data-catalog-metric="PageViewsFiscal"]').waitFor();
	});

	it('shows the same box of figures as the CLI for the same week', async () => {
		assert.ok(fiscal, 'the CLI reviews PageViewsFiscal');
		// The WBR App's own expected last week for this metric (testconfig.yml): 470,759,324.
		assert.equal(fiscal.box.lastWeek, 470759324);
		await app.page.goto(new URL(`operational?week=${WEEK}`, app.url).href);
		// Wait for this week's review itself, not a review still on screen from before.
		const review = app.page.locator(`[data-week-ending="${WEEK}"]:not(.stale)`);
		await review.locator('[data-metric-card]').first().waitFor({ timeout: 120_000 });
		const card = review.locator('[data-metric-card="PageViewsFiscal"]');
		// "Show all" of this week's review itself, not of one still on screen pending a rebuild.
		if ((await card.count()) === 0) await review.getByRole('button', { name: /Show all/ }).click();
		await card.waitFor({ timeout: 120_000 });
		const cells = await card
			.locator('[data-box-cell]')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-box-cell'), el.getAttribute('data-value')])
			);
		assert.equal(cells.length, 9);
		for (const [cell, value] of cells) {
			const want = fiscal.box[/** @type {keyof typeof fiscal.box} */ (String(cell))];
			if (want === null) assert.ok(value === null || value === '', `${cell}: n/a`);
			else
				assert.ok(
					Math.abs(Number(value) - want) <= 1e-9 * Math.abs(want),
					`${cell}: ${value} vs ${want}`
				);
		}
		await app.screenshot('wbr-scenario-1');
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
