// A metric's deep dive, end to end on the demo business (data/README.md): from the operational
// review's exception list to page load's deep dive, whose daily chart is drawn, whose segment
// table names the web channel as the driver against last year (the planted slow checkout release:
// web p90 +60% since 2026-09-27, app unchanged), whose linked outputs are conversion and orders
// (the catalog's `drives`), and whose root-cause note survives a reload and shows on the card.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const WEEK = '2026-11-21';
const NOTE =
	'Why? Web p90 up 60% since 27 Sep. Why? The checkout release of 26 Sep loads a bigger bundle.';

describe('deep dive on page load p90', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp({ width: 1280, height: 720 });
	});
	after(async () => app?.close());

	it('opens from the exception list with the daily chart, the driving segment and the linked outputs', async () => {
		const { page } = app;
		await page.goto(new URL(`/operational?week=${WEEK}`, app.url).href);
		const dive = page.locator('[data-exception="page_load_p90"] [data-dive-deep]');
		await dive.waitFor({ timeout: 120_000 });
		// The row itself still jumps to the card.
		assert.equal(
			await page.locator('[data-exception="page_load_p90"] a[href="#card-page_load_p90"]').count(),
			1
		);
		await dive.click();
		await page.waitForURL(/\/metric\/page_load_p90/);
		await page.locator('[data-chart="daily"][data-drawn]').waitFor({ timeout: 120_000 });
		await page.locator('[data-chart="process"][data-drawn]').waitFor({ timeout: 60_000 });
		assert.match(String(await page.locator('h1').textContent()), /Page load time p90/);

		const channel = page.locator('[data-segments="channel"] tbody tr');
		await channel.first().waitFor({ timeout: 60_000 });
		const rows = await channel.evaluateAll((els) =>
			els.map((el) => ({
				segment: el.getAttribute('data-segment'),
				driver: el.hasAttribute('data-driver'),
				change: Number(el.querySelector('[data-change]')?.getAttribute('data-change'))
			}))
		);
		assert.equal(rows[0]?.segment, 'web', 'web drove the change against last year');
		assert.deepEqual(
			rows.filter((r) => r.driver).map((r) => r.segment),
			['web']
		);
		// The column with a driver comes first, above the fold.
		assert.equal(
			await page.locator('[data-segments]').first().getAttribute('data-segments'),
			'channel'
		);
		// Every region has web and app alike, so no region is named as the driver.
		assert.equal(await page.locator('[data-segments="region"] [data-driver]').count(), 0);
		const [web, app_] = [rows[0], rows.find((r) => r.segment === 'app')];
		// Web's p90 is ~1.8 s -> ~2.9 s; the app's is unchanged within its ±4% noise.
		assert.ok((web?.change ?? 0) > 800, `web +${web?.change} ms against last year`);
		assert.ok(Math.abs(app_?.change ?? Infinity) < 150, `app ${app_?.change} ms against last year`);
		// A mean over segments does not split into parts that add up; the page says so.
		await page.locator('[data-not-additive]').waitFor();

		const linked = await page
			.locator('[data-linked]')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-linked'), el.getAttribute('data-relation')])
			);
		assert.deepEqual(
			linked.filter(([, relation]) => relation === 'driven').map(([id]) => id),
			['conversion_rate', 'orders']
		);
		await app.screenshot('deep-dive');
	});

	it('keeps a root-cause note through a reload and shows it on the review card', async () => {
		const { page } = app;
		await page.locator('#root-cause').fill(NOTE);
		await page.getByRole('button', { name: 'Save note' }).click();
		await page.locator('[data-note-status="saved"]').waitFor();
		await page.reload();
		await page.locator('[data-chart="daily"][data-drawn]').waitFor({ timeout: 120_000 });
		await page.waitForFunction((note) => {
			const area = document.getElementById('root-cause');
			return area instanceof HTMLTextAreaElement && area.value === note;
		}, NOTE);

		await page.locator('[data-back]').click();
		await page.waitForURL(/\/operational/);
		const note = page.locator('[data-metric-card="page_load_p90"] [data-root-cause]');
		await note.waitFor({ timeout: 120_000 });
		assert.match(String(await note.textContent()), /Root cause noted/);
		assert.match(String(await note.textContent()), /checkout release of 26 Sep/);
		assert.equal(
			await page.locator(`[data-week-ending="${WEEK}"] [data-metric-card="page_load_p90"]`).count(),
			1
		);
		await app.screenshot('deep-dive-note-on-card');

		// The note travels with the review: both exports carry it.
		const [json] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-export-json]').click()
		]);
		const exported = JSON.parse(readFileSync(String(await json.path()), 'utf8'));
		assert.deepEqual(exported.rootCauseNotes, [{ metricId: 'page_load_p90', text: NOTE }]);
		const [html] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.locator('[data-export-html]').click()
		]);
		const page_ = readFileSync(String(await html.path()), 'utf8');
		assert.match(page_, /Root cause noted/);
		assert.ok(page_.includes('checkout release of 26 Sep'));
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
