// The evidence for the catalog's links, end to end on the demo business (data/README.md): the
// planted slow checkout release (web page load +60% from 2026-09-27) is followed by the
// conversion drop two weeks later, so page load's link to conversion is supported; the other
// inputs declared to drive conversion were generated independently of it, so none is supported.
// Revenue, which the catalog links to no input, gets page load as a suggestion.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const WEEK = '2026-11-21';

describe('evidence for the links on the deep dive', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp({ width: 1280, height: 900 });
	});
	after(async () => app?.close());

	it("shows conversion's declared inputs and page load's outputs with their verdicts, and revenue's suggestion", async () => {
		const { page } = app;
		await page.goto(new URL(`/metric/conversion_rate?week=${WEEK}`, app.url).href);
		const pageLoad = page.locator('[data-evidence-link="page_load_p90"]');
		await pageLoad.waitFor({ timeout: 120_000 });
		const links = await page
			.locator('[data-evidence-link]')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-evidence-link'), el.getAttribute('data-verdict')])
			);
		assert.deepEqual(links, [
			['page_load_p90', 'supported'],
			['in_stock_rate', 'not_supported'],
			['price_competitiveness', 'not_supported'],
			['delivery_promise', 'not_supported'],
			['search_null_rate', 'not_supported']
		]);
		assert.match(
			String(await pageLoad.textContent()),
			/Page load time p90 moves Conversion rate the expected way, 2 weeks later/
		);
		// Each link's chart: the output and the input moved by the lag.
		await page.locator('[data-evidence]').scrollIntoViewIfNeeded();
		await pageLoad.locator('[data-chart="link"][data-drawn]').waitFor({ timeout: 30_000 });
		assert.equal(await page.locator('[data-evidence] [data-chart="link"]').count(), 5);
		await app.screenshot('deep-dive-evidence');

		// An input's deep dive: the outputs it drives, each with its verdict.
		await page.goto(new URL(`/metric/page_load_p90?week=${WEEK}`, app.url).href);
		await page.locator('[data-evidence-link="orders"]').waitFor({ timeout: 120_000 });
		const outputs = await page
			.locator('[data-evidence-link]')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-evidence-link'), el.getAttribute('data-verdict')])
			);
		assert.deepEqual(outputs, [
			['conversion_rate', 'supported'],
			['orders', 'supported']
		]);

		await page.goto(new URL(`/metric/revenue?week=${WEEK}`, app.url).href);
		const suggestion = page.locator('[data-suggested-link="page_load_p90"]');
		await suggestion.waitFor({ timeout: 120_000 });
		assert.match(String(await suggestion.textContent()), /a hypothesis to check, not a fact/);
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});

	it('exports the same evidence block with the review JSON', async () => {
		const { page } = app;
		await page.goto(new URL(`/operational?week=${WEEK}`, app.url).href);
		const button = page.locator('[data-export-json]:not([disabled])');
		await button.waitFor({ timeout: 120_000 });
		const [json] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			button.click()
		]);
		const exported = JSON.parse(readFileSync(String(await json.path()), 'utf8'));
		assert.equal(exported.weekEnding, WEEK);
		assert.equal(exported.evidence.weeks, 156);
		// The demo catalog's 15 `drives` links, each judged.
		assert.equal(exported.evidence.links.length, 15);
		assert.deepEqual(
			exported.evidence.links
				.filter((/** @type {{ verdict: string }} */ l) => l.verdict === 'supported')
				.map((/** @type {{ input: string, output: string }} */ l) => `${l.input}>${l.output}`),
			['page_load_p90>conversion_rate', 'page_load_p90>orders']
		);
		assert.deepEqual(app.consoleErrors, []);
	});
});
