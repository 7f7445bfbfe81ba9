// A review of 100 metrics: a wide export of two years of daily values (generated here, not
// committed) is loaded through the upload page; the operational review draws only the cards in
// view and draws the rest as they scroll in, so the page stays smooth. The longest main-thread
// task while scrolling is printed for the record (speed is measured in the benchmark, not here).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const METRICS = 100;

function wideExport() {
	const header = [
		'date',
		...Array.from({ length: METRICS }, (_, i) => `metric_${String(i + 1).padStart(3, '0')}`)
	];
	const lines = [header.join(',')];
	const start = Date.UTC(2024, 10, 24); // a Sunday: whole weeks ending on Saturdays
	for (let day = 0; day < 2 * 364; day++) {
		const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
		// A steady value with a weekly wiggle, different for each metric.
		const values = header.slice(1).map((_, i) => 1000 + 10 * i + ((day * (i + 3)) % 17));
		lines.push([date, ...values].join(','));
	}
	return Buffer.from(`${lines.join('\n')}\n`);
}

describe('a review of 100 metrics', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
	});
	after(async () => app?.close());

	it('loads the wide export with its 100 metrics', async () => {
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
		await app.page.getByTestId('file-input').setInputFiles({
			name: 'hundred.csv',
			mimeType: 'text/csv',
			buffer: wideExport()
		});
		await app.page.getByRole('button', { name: /^Load 1 file/ }).click();
		const row = app.page.locator('tr[data-file="hundred.csv"]');
		await row.waitFor({ timeout: 60_000 });
		assert.equal(await row.locator('[data-rows-loaded]').innerText(), '728');
		assert.match(await app.page.getByText(/\d+ metrics ·/).innerText(), /^100 metrics/);
	});

	it('draws the cards in view first and the rest as they scroll in', async () => {
		await app.page.goto(new URL('operational', app.url).href);
		// The review itself, drawn and not pending a rebuild, before asking for every card.
		await app.page
			.locator('[data-week-ending]:not(.stale) #exceptions-title')
			.first()
			.waitFor({ timeout: 120_000 });
		await app.page.getByRole('button', { name: /Show all/ }).click();
		const cards = app.page.locator('[data-metric-card]');
		await app.page.waitForFunction(
			(n) => document.querySelectorAll('[data-metric-card]').length === n,
			METRICS
		);
		const drawn = () => app.page.locator('[data-metric-card] [data-drawn="true"]').count();
		await app.page.locator('[data-drawn="true"]').first().waitFor();
		const atFirst = await drawn();
		assert.ok(atFirst < METRICS / 4, `${atFirst} of ${METRICS} charts drawn before scrolling`);

		await app.page.evaluate(() => {
			const longest = { ms: 0 };
			Object.assign(window, { longestTask: longest });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
			}).observe({ type: 'longtask', buffered: false });
		});
		for (let i = 0; i < (await cards.count()); i += 4) {
			await cards.nth(i).scrollIntoViewIfNeeded();
			await app.page.waitForTimeout(30);
		}
		await cards.last().scrollIntoViewIfNeeded();
		await app.page.waitForFunction(
			(n) => document.querySelectorAll('[data-metric-card] [data-drawn="true"]').length === n,
			METRICS
		);
		const longest = await app.page.evaluate(() => Reflect.get(window, 'longestTask').ms);
		console.log(`# longest main-thread task while scrolling 100 cards: ${Math.round(longest)} ms`);
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
