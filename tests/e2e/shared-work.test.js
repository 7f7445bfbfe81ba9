// The user's work across tabs and against hostile input: two tabs on one profile merge their
// notes and owners and hear of each other's files, a 50 MB or "billion laughs" catalog is refused
// at once in Flywheel's words, and an address asking for a week or segment the data does not
// have says so.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';
import { loadPending, oneMetric, openUpload, upload, weekly } from './saved-work.js';

describe('two tabs on one profile', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	/** @type {import('playwright-core').Page} */
	let tab2;
	before(async () => {
		app = await openApp();
		tab2 = await app.context.newPage();
	});
	after(async () => app?.close());

	/** @param {import('playwright-core').Page} page @param {string} path */
	async function open(page, path) {
		await page.goto(new URL(path, app.url).href);
	}

	/** @param {import('playwright-core').Page} page @param {string} text */
	async function saveNote(page, text) {
		await page.locator('#root-cause').fill(text);
		await page.getByRole('button', { name: 'Save note' }).click();
		await page.locator('[data-note-status="saved"]').waitFor();
	}

	/** @param {import('playwright-core').Page} page @param {string} text */
	function noteShows(page, text) {
		return page.waitForFunction((want) => {
			const area = document.getElementById('root-cause');
			return area instanceof HTMLTextAreaElement && area.value === want;
		}, text);
	}

	it("keeps the other tab's note when each saves a note on another metric", async () => {
		// Tab 1 opens Orders before tab 2 writes anything.
		await open(app.page, 'metric/orders');
		await app.page.locator('#root-cause').waitFor({ timeout: 120_000 });
		await open(tab2, 'metric/sessions');
		await tab2.locator('#root-cause').waitFor({ timeout: 120_000 });
		await saveNote(tab2, 'Campaign paused for the holiday');
		await saveNote(app.page, 'Carrier strike in the north');
		// A third look, as a colleague's tab would have it.
		const tab3 = await app.context.newPage();
		await open(tab3, 'metric/sessions');
		await noteShows(tab3, 'Campaign paused for the holiday');
		await open(tab3, 'metric/orders');
		await noteShows(tab3, 'Carrier strike in the north');
		await tab3.close();
	});

	it("keeps both owners when each tab edits another catalog entry, and shows the other's", async () => {
		await open(app.page, 'catalog');
		await open(tab2, 'catalog');
		await app.page.getByLabel('Owner of Orders').waitFor({ timeout: 60_000 });
		await tab2.getByLabel('Owner of Sessions').waitFor({ timeout: 60_000 });
		await tab2.getByLabel('Owner of Sessions').fill('Growth Team');
		await tab2.getByLabel('Owner of Sessions').press('Tab');
		await tab2.locator('[data-saved="true"]').waitFor();
		// Tab 1 hears of it without a reload.
		await app.page.waitForFunction(() => {
			const input = document.querySelector('input[aria-label="Owner of Sessions"]');
			return input instanceof HTMLInputElement && input.value === 'Growth Team';
		});
		await app.page.getByLabel('Owner of Orders').fill('Fulfilment Team');
		await app.page.getByLabel('Owner of Orders').press('Tab');
		await app.page.locator('[data-saved="true"]').waitFor();
		await tab2.reload();
		await tab2.getByLabel('Owner of Orders').waitFor({ timeout: 60_000 });
		assert.equal(await tab2.getByLabel('Owner of Orders').inputValue(), 'Fulfilment Team');
		assert.equal(await tab2.getByLabel('Owner of Sessions').inputValue(), 'Growth Team');
	});

	it('shows in one tab the file another tab loaded, and says so', async () => {
		await openUpload(app.page, app.url);
		await app.page.locator('tr[data-file="demo-business.csv"]').waitFor({ timeout: 60_000 });
		assert.match(
			await app.page.locator('section[aria-label="Loaded data"] h2').innerText(),
			/demo business/
		);
		await openUpload(tab2, app.url);
		await upload(tab2, 'weekly.csv', weekly(10));
		await loadPending(tab2);
		await tab2.locator('tr[data-file="weekly.csv"]').waitFor();
		await app.page.locator('tr[data-file="weekly.csv"]').waitFor({ timeout: 60_000 });
		assert.match(
			await app.page.getByRole('status').filter({ hasText: 'Another tab' }).innerText(),
			/Another tab changed the loaded files/
		);
	});

	it("adds to one tab's catalog the metric of a file another tab loaded", async () => {
		await open(app.page, 'catalog');
		await app.page.locator('[data-catalog-metric="orders"]').waitFor({ timeout: 60_000 });
		assert.equal(await app.page.locator('[data-catalog-metric="refunds"]').count(), 0);
		await upload(tab2, 'refunds.csv', oneMetric('refunds', 10));
		await loadPending(tab2);
		await tab2.locator('tr[data-file="refunds.csv"]').waitFor();
		await app.page.locator('[data-catalog-metric="refunds"]').waitFor({ timeout: 60_000 });
	});

	it('logs no console error', () => {
		assert.deepEqual(app.consoleErrors, []);
	});
});

describe('a catalog file too large or hostile', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('catalog', app.url).href);
		await app.page.locator('[data-catalog-metric]').first().waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('refuses a 50 MB catalog at once, naming its size, and the page keeps answering', async () => {
		const { page } = app;
		const before = await page.locator('[data-catalog-metric]').count();
		await page.evaluate(() => {
			const seen = { longest: 0 };
			Object.assign(window, { seen });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					seen.longest = Math.max(seen.longest, entry.duration);
			}).observe({ type: 'longtask', buffered: false });
		});
		// 344,000 metrics of about 150 bytes each: 50 MB.
		const entry = (/** @type {number} */ i) =>
			`  m${i}:\n    source: { metric: m${i} }\n    aggregation: sum\n    kind: output\n    direction: higher_is_better\n    unit: count\n    views: [operational]\n`;
		const huge = Buffer.from(
			`metrics:\n${Array.from({ length: 344_000 }, (_, i) => entry(i)).join('')}`
		);
		assert.ok(huge.length > 50e6);
		// Playwright hands a file this large over by path.
		const dir = mkdtempSync(join(tmpdir(), 'flywheel-catalog-'));
		const path = join(dir, 'everything.yaml');
		writeFileSync(path, huge);
		await page.getByTestId('catalog-input').setInputFiles(path);
		rmSync(dir, { recursive: true, force: true });
		const alert = page.getByRole('alert');
		await alert.waitFor({ timeout: 5_000 });
		assert.match(
			await alert.innerText(),
			/^everything\.yaml: the file is [\d.]+ MiB; Flywheel reads catalogs up to 5\.00 MiB/
		);
		const longest = await page.evaluate(() => Reflect.get(window, 'seen').longest);
		assert.ok(longest < 200, `the page was busy for ${longest} ms`);
		assert.equal(await page.locator('[data-catalog-metric]').count(), before);
	});

	it('refuses a "billion laughs" file in its own words, naming the file', async () => {
		const { page } = app;
		const laughs = [
			'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
			'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
			'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
			'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
			'metrics: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
			''
		].join('\n');
		await page.getByTestId('catalog-input').setInputFiles({
			name: 'laughs.yaml',
			mimeType: 'text/yaml',
			buffer: Buffer.from(laughs)
		});
		await page.getByRole('alert').filter({ hasText: 'laughs.yaml' }).waitFor();
		const text = await page.getByRole('alert').innerText();
		assert.match(text, /^laughs\.yaml: the file repeats its aliases/);
		assert.doesNotMatch(text, /resource exhaustion/);
	});
});

describe('an address asking for what the data does not have', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
	});
	after(async () => app?.close());

	it('says a week outside the data is not there, and which weeks are', async () => {
		const { page } = app;
		await page.goto(new URL('operational?week=2031-01-04', app.url).href);
		const problem = page.locator('[data-address-problem]');
		await problem.waitFor({ timeout: 60_000 });
		assert.match(
			await problem.innerText(),
			/^There is no week ending 4 Jan 2031 in the loaded data: its weeks end from .+ to .+\./
		);
		assert.equal(await page.locator('[data-metric-card]').count(), 0);
	});

	it('says a segment value that is not in the data is not there, and which are', async () => {
		const { page } = app;
		await page.goto(new URL('operational?region=Mars', app.url).href);
		const problem = page.locator('[data-address-problem]');
		await problem.waitFor({ timeout: 60_000 });
		assert.match(await problem.innerText(), /^No “region” in the loaded data is “Mars”: it has /);
	});

	it('logs no console error', () => {
		assert.deepEqual(app.consoleErrors, []);
	});
});
