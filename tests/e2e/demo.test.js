// The first page, end to end: the demo business loads into DuckDB in the browser and every
// metric of the catalog gets a chart, with no console error and no request to another origin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { openApp } from './browser.js';

const catalog = parse(readFileSync('data/demo-catalog.yaml', 'utf8'));
const shownMetrics = Object.entries(catalog.metrics).filter(([, m]) => m.views.length > 0);

describe('demo page', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('/metrics', app.url).href);
	});
	after(async () => app?.close());

	it('starts the engine and says so', async () => {
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	});

	it('draws one chart per catalog metric, inputs before outputs', async () => {
		const cards = app.page.locator('[data-metric-card]');
		await cards.first().waitFor();
		assert.equal(await cards.count(), shownMetrics.length);
		const ids = await cards.evaluateAll((els) =>
			els.map((el) => el.getAttribute('data-metric-card'))
		);
		const kinds = ids.map((id) => catalog.metrics[String(id)].kind);
		const firstOutput = kinds.indexOf('output');
		assert.ok(firstOutput > 0, 'there are inputs, then outputs');
		assert.ok(
			kinds.slice(firstOutput).every((k) => k === 'output'),
			`order: ${kinds.join(',')}`
		);
		// Every card draws once scrolled into view.
		for (let i = 0; i < (await cards.count()); i++) {
			const chart = cards.nth(i).locator('[data-chart]');
			await chart.scrollIntoViewIfNeeded();
			await app.page.waitForFunction(
				(el) => el?.getAttribute('data-drawn') === 'true',
				await chart.elementHandle()
			);
		}
		await app.page.evaluate(() => window.scrollTo(0, 0));
		await app.screenshot('demo-page');
	});

	it('shows the planted page-load step in the last weeks of its chart', async () => {
		const summary = app.page.locator('[data-metric-card="page_load_p90"] [data-latest]');
		// Web p90 is 60% slower since 2026-09-27, so the mean over segments reads ~2.1 s, not ~1.6 s.
		const latestMs = Number(await summary.getAttribute('data-latest'));
		assert.ok(latestMs > 1950 && latestMs < 2300, `latest week ${latestMs} ms`);
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
