// A known process change, marked in the app: page-load time's limits restart at the slow release
// of 2026-09-27 (data/README.md, anomaly 1). Seven weeks of the new process come before the week
// under review, fewer than the 8 points a band needs, so page load leaves the exception list and
// its card says "not enough history" instead of flagging a change the team already knows about.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

describe('known process change', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
	});
	after(async () => app?.close());

	const exceptionIds = () =>
		app.page
			.locator('[data-exception]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-exception')));

	it('flags page load before the change is marked', async () => {
		await app.page.goto(new URL('operational', app.url).href);
		await app.page.locator('[data-exception]').first().waitFor({ timeout: 60_000 });
		assert.ok((await exceptionIds()).includes('page_load_p90'));
	});

	it('restarts the limits at a change marked on the catalog page', async () => {
		await app.page.goto(new URL('catalog', app.url).href);
		const row = app.page.locator('[data-catalog-metric="page_load_p90"]');
		await row.waitFor({ timeout: 60_000 });
		await row.locator('summary').click();
		await row.getByLabel('Process of Page load time p90 changed on').fill('2026-09-27');
		await row.getByRole('button', { name: 'Mark change' }).click();
		await row.getByText('changed 2026-09-27').waitFor();
		// Saved in the browser before the page is left (saves merge under a lock, so they take a turn).
		await app.page.locator('[data-saved="true"]').waitFor();

		await app.page.goto(new URL('operational', app.url).href);
		await app.page
			.locator('[data-week-ending]:not(.stale) #exceptions-title')
			.first()
			.waitFor({ timeout: 60_000 });
		const ids = await exceptionIds();
		assert.ok(!ids.includes('page_load_p90'), `exceptions: ${ids.join(', ')}`);
		assert.ok(ids.includes('on_time_delivery'), 'the other planted exceptions stay');
		await app.page.getByRole('button', { name: /Show all/ }).click();
		const status = app.page.locator('[data-metric-card="page_load_p90"] [data-status]');
		assert.match(await status.innerText(), /not enough history/);
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
