// The user's work survives a team's real week: a refreshed export under the same name replaces
// the old one (and stays removable after a reload), a file another tab removed goes quietly, and
// an empty file over the demo changes nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

/**
 * A wide export of `days` days from 1 March 2024: orders = 10 × day, sessions = 100 × day; the
 * orders of the days in `corrected` are one higher (a late correction).
 * @param {number} days
 * @param {number[]} [corrected]
 */
function weekly(days, corrected = []) {
	const lines = ['date,orders,sessions'];
	for (let day = 1; day <= days; day++) {
		const orders = day * 10 + (corrected.includes(day) ? 1 : 0);
		lines.push(`2024-03-${String(day).padStart(2, '0')},${orders},${day * 100}`);
	}
	return Buffer.from(`${lines.join('\n')}\n`);
}

/** @param {import('playwright-core').Page} page @param {string} name @param {Buffer} buffer */
async function upload(page, name, buffer) {
	await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
	await page.locator(`[data-preview-file="${name}"]`).waitFor();
}

/** @param {import('playwright-core').Page} page */
async function loadPending(page) {
	await page.getByRole('button', { name: /^Load \d+ file/ }).click();
	await page.locator('section[aria-label="Files to load"]').waitFor({ state: 'detached' });
}

/** @param {import('playwright-core').Page} page @param {string} url */
async function openUpload(page, url) {
	await page.goto(new URL('upload', url).href);
	await page.getByText('Engine ready').waitFor({ timeout: 60_000 });
}

describe('a refreshed export under the same name', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await openUpload(app.page, app.url);
	});
	after(async () => app?.close());

	it('says in the preview that it replaces the earlier file, then replaces it', async () => {
		const { page } = app;
		await upload(page, 'weekly.csv', weekly(10));
		await loadPending(page);
		await page.locator('tr[data-file="weekly.csv"]').waitFor();
		// A week later: 14 days, and the orders of 2 and 5 March corrected.
		await upload(page, 'weekly.csv', weekly(14, [2, 5]));
		const notice = page.locator('[data-replaces="weekly.csv"]');
		assert.match(await notice.innerText(), /replaces the weekly\.csv loaded .* \(10 rows\)/);
		await loadPending(page);
		const rows = page.locator('tr[data-file]');
		assert.equal(await rows.count(), 1);
		assert.equal(await rows.locator('[data-rows-read]').innerText(), '14');
		assert.match(
			await rows.locator('[data-replaced]').innerText(),
			/10 → 14 rows, 4 new days, 2 changed values\./
		);
	});

	it('keeps one removable file after a reload', async () => {
		const { page } = app;
		await page.reload();
		await page.getByText('Engine ready').waitFor({ timeout: 60_000 });
		const row = page.locator('tr[data-file="weekly.csv"]');
		await row.waitFor();
		assert.equal(await page.locator('tr[data-file]').count(), 1);
		assert.equal(await row.locator('[data-rows-read]').innerText(), '14');
	});

	it('keeps both when asked, under distinct names', async () => {
		const { page } = app;
		await upload(page, 'weekly.csv', weekly(7));
		await page.getByRole('button', { name: 'Keep both instead' }).click();
		await page.locator('[data-preview-file="weekly (2).csv"]').waitFor();
		await loadPending(page);
		await page.locator('tr[data-file="weekly (2).csv"]').waitFor();
		assert.equal(
			await page.locator('tr[data-file="weekly.csv"] [data-rows-read]').innerText(),
			'14'
		);
		assert.equal(
			await page.locator('tr[data-file="weekly (2).csv"] [data-rows-read]').innerText(),
			'7'
		);
	});

	it('removes a file another tab already removed, with no error', async () => {
		const { page } = app;
		// The saved copy is deleted behind this tab's back, as another tab's Remove would.
		await page.evaluate(async () => {
			const root = await navigator.storage.getDirectory();
			const dir = await root.getDirectoryHandle('flywheel-files');
			for await (const [id, handle] of dir.entries()) {
				if (handle.kind !== 'directory') continue;
				const names = [];
				for await (const name of handle.keys()) names.push(name);
				if (names.includes('weekly (2).csv')) await dir.removeEntry(id, { recursive: true });
			}
		});
		await page
			.locator('tr[data-file="weekly (2).csv"]')
			.getByRole('button', { name: 'Remove' })
			.click();
		await page.locator('tr[data-file="weekly (2).csv"]').waitFor({ state: 'detached' });
		await page.locator('tr[data-file="weekly.csv"]').waitFor();
		assert.equal(await page.locator('.error[role="alert"]').count(), 0);
		assert.equal(await page.locator('tr[data-file]').count(), 1);
	});

	it('logs no console error', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});

describe('an empty file over the demo', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await openUpload(app.page, app.url);
	});
	after(async () => app?.close());

	it('is refused and the demo stays, for the review too', async () => {
		const { page } = app;
		await page.getByTestId('file-input').setInputFiles({
			name: 'empty.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('date,orders\n')
		});
		await page.locator('[data-preview-file="empty.csv"]').waitFor();
		await page.getByRole('button', { name: /^Load \d+ file/ }).click();
		const alert = page.locator('.error[role="alert"]');
		await alert.waitFor();
		assert.match(
			await alert.innerText(),
			/empty\.csv was not loaded: .*The demo business is still loaded\./
		);
		assert.match(
			await page.locator('section[aria-label="Loaded data"] h2').innerText(),
			/demo business/
		);
		await page.getByRole('link', { name: 'Operational review' }).click();
		await page.locator('[data-metric-card]').first().waitFor({ timeout: 60_000 });
		assert.equal(await page.locator('.page-error').count(), 0);
	});
});

/** @param {string} metric @param {number} days */
function oneMetric(metric, days) {
	const lines = [`date,${metric}`];
	for (let day = 1; day <= days; day++) {
		const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
		lines.push(`${date},${day % 7 === 0 ? 50 : 40 + (day % 5)}`);
	}
	return Buffer.from(`${lines.join('\n')}\n`);
}

/** Opens every card of the review on screen. @param {import('playwright-core').Page} page */
async function showAll(page) {
	await page.getByRole('button', { name: /Show all/ }).click({ timeout: 60_000 });
}

/** The metric ids of the review's cards. @param {import('playwright-core').Page} page */
function cards(page) {
	return page
		.locator('[data-metric-card]')
		.evaluateAll((els) => els.map((el) => el.getAttribute('data-metric-card')));
}

describe('a catalog entry whose file was removed', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await openUpload(app.page, app.url);
	});
	after(async () => app?.close());

	it('is kept with its edits, marked "no data", and left out of the review with a note', async () => {
		const { page } = app;
		// 20 weeks of orders and of refunds, in two files.
		await upload(page, 'orders.csv', oneMetric('orders', 140));
		await upload(page, 'refunds.csv', oneMetric('refunds', 140));
		await loadPending(page);
		await page.locator('tr[data-file="refunds.csv"]').waitFor();
		await page.getByRole('link', { name: 'Catalog' }).click();
		await page.getByLabel('Owner of Refunds').fill('Sam Lee');
		await page.getByLabel('Owner of Refunds').press('Tab');
		await page.locator('[data-saved="true"]').waitFor();
		await page.getByRole('link', { name: 'Load data' }).click();
		await page
			.locator('tr[data-file="refunds.csv"]')
			.getByRole('button', { name: 'Remove' })
			.click();
		await page.locator('tr[data-file="refunds.csv"]').waitFor({ state: 'detached' });
		await page.getByRole('link', { name: 'Operational review' }).click();
		await showAll(page);
		assert.equal(await page.locator('.page-error').count(), 0);
		assert.deepEqual(await cards(page), ['orders']);
		assert.match(
			await page.locator('[data-without-data]').innerText(),
			/Left out: Refunds \(its data is not in the loaded files/
		);
		await page.getByRole('link', { name: 'Catalog' }).click();
		const refunds = page.locator('[data-catalog-metric="refunds"]');
		await refunds.waitFor();
		assert.equal(await refunds.getAttribute('data-no-data'), 'true');
		assert.equal(await page.getByLabel('Owner of Refunds').inputValue(), 'Sam Lee');
		assert.match(await page.locator('.intro').innerText(), /1 metric has no data/);
	});

	it('is deleted from the catalog on request, and stays deleted after a reload', async () => {
		const { page } = app;
		await page.getByRole('button', { name: 'Delete Refunds' }).click();
		await page.locator('[data-catalog-metric="refunds"]').waitFor({ state: 'detached' });
		await page.locator('[data-saved="true"]').waitFor();
		await page.reload();
		await page.locator('[data-catalog-metric="orders"]').waitFor({ timeout: 60_000 });
		assert.equal(await page.locator('[data-catalog-metric]').count(), 1);
	});

	it('offers to reset the catalog, keeping the data, when a saved catalog stops the review', async () => {
		const { page } = app;
		// A catalog saved by a future Flywheel, which this one cannot read.
		await page.evaluate(async () => {
			const root = await navigator.storage.getDirectory();
			const dir = await root.getDirectoryHandle('flywheel-files');
			const handle = await dir.getFileHandle('catalog-files.yaml.meta.json', { create: true });
			const writable = await handle.createWritable();
			await writable.write('metrics:\n  orders:\n    source: orders\n    aggregation: median\n');
			await writable.close();
		});
		await page.goto(new URL('operational', app.url).href);
		const error = page.locator('.page-error');
		await error.waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: 'Reset the catalog, keep the data' }).click();
		await showAll(page);
		assert.equal(await page.locator('.page-error').count(), 0);
		assert.deepEqual(await cards(page), ['orders']);
		await page.reload();
		await showAll(page);
		assert.deepEqual(await cards(page), ['orders']);
	});

	it('logs no console error', () => {
		assert.deepEqual(app.consoleErrors, []);
	});
});

describe('a one-metric catalog over the demo', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('catalog', app.url).href);
		await app.page.locator('[data-catalog-metric]').first().waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('changes the metric it names and leaves the others as they were', async () => {
		const { page } = app;
		const before = await page.locator('[data-catalog-metric]').count();
		const file = [
			'metrics:',
			'  sessions:',
			'    label: Sessions',
			'    source: { metric: sessions }',
			'    aggregation: sum',
			'    kind: output',
			'    direction: higher_is_better',
			'    unit: count',
			'    views: [operational]',
			'    owner: Growth Team',
			''
		].join('\n');
		await page.getByTestId('catalog-input').setInputFiles({
			name: 'sessions.yaml',
			mimeType: 'text/yaml',
			buffer: Buffer.from(file)
		});
		await page.locator('[data-saved="true"]').waitFor();
		assert.equal(await page.getByLabel('Owner of Sessions').inputValue(), 'Growth Team');
		assert.equal(await page.locator('[data-catalog-metric]').count(), before);
		// The demo's own descriptions stay: page load in ms, and orders' plan is not a metric.
		assert.equal(await page.getByLabel('Unit of Page load time p90').inputValue(), 'duration');
		assert.equal(await page.getByLabel('Owner of Page load time p90').inputValue(), 'Web Platform');
		assert.equal(await page.locator('[data-catalog-metric="orders_plan"]').count(), 0);
		await page.reload();
		await page.locator('[data-catalog-metric]').first().waitFor({ timeout: 60_000 });
		assert.equal(await page.locator('[data-catalog-metric]').count(), before);
		assert.equal(await page.getByLabel('Owner of Sessions').inputValue(), 'Growth Team');
	});
});

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
			/^everything\.yaml: the file is \d+ MB; Flywheel reads catalogs up to 5\.0 MB/
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
