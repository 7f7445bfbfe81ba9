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

	it("draws the catalog's metric tree, then each link's verdict, with a legend in words", async () => {
		const { page } = app;
		await page.goto(new URL('catalog', app.url).href);
		const tree = page.locator('[data-metric-tree]');
		await tree.scrollIntoViewIfNeeded({ timeout: 60_000 });
		await tree.locator('[data-chart="metric-tree"][data-drawn]').waitFor({ timeout: 30_000 });
		await tree.locator('[data-judged="true"]').waitFor({ timeout: 120_000 });
		const counts = await tree
			.locator('[data-verdict-count]')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-verdict-count'), el.getAttribute('data-count')])
			);
		// The demo's 15 links: page load -> conversion and -> orders supported, the rest not.
		assert.deepEqual(counts, [
			['supported', '2'],
			['opposite', '0'],
			['not_supported', '13'],
			['too_little_data', '0']
		]);
		assert.match(String(await tree.textContent()), /not supported \(13\): no relation the data/);
		assert.match(
			String(await tree.locator('[data-chart="metric-tree"]').getAttribute('aria-label')),
			/^15 declared links from inputs \(left\) to outputs \(right\); 2 supported, 0 the wrong way, 13 not supported, 0 too little data$/
		);
		await app.screenshot('catalog-metric-tree');
		assert.deepEqual(app.consoleErrors, []);
	});

	it('names in the strategic review each input the data does not back, once the review is drawn', async () => {
		const { page } = app;
		await page.goto(new URL(`/strategic?week=${WEEK}`, app.url).href);
		await page.locator('[data-week-ending] #exceptions-title').waitFor({ timeout: 120_000 });
		const doubts = page.locator('[data-doubted-inputs]');
		await doubts.waitFor({ timeout: 120_000 });
		const named = await doubts
			.locator('[data-doubted-link]')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-doubted-link'), el.getAttribute('data-verdict')])
			);
		// The 13 links the demo's data does not support (all over 155-156 weeks), none wrong way;
		// page load's two links, which it supports, are not named.
		assert.equal(named.length, 13);
		assert.ok(named.every(([, verdict]) => verdict === 'not_supported'));
		assert.ok(!named.some(([link]) => String(link).startsWith('page_load_p90>')));
		const inStock = doubts.locator('[data-doubted-link="in_stock_rate>orders"]');
		assert.equal(
			String(await inStock.textContent())
				.replace(/\s+/g, ' ')
				.trim(),
			'In-stock rate: no clear sign it moves Orders at any lag of 0 to 8 weeks, 156 weeks of data'
		);
		// The hover says what was compared and what "clear" means.
		assert.match(String(await inStock.getAttribute('title')), /Compared: the week-to-week changes/);
		await doubts.scrollIntoViewIfNeeded();
		await app.screenshot('strategic-doubted-inputs');
		assert.deepEqual(app.consoleErrors, []);
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
