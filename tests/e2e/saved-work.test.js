// The user's work survives a team's real week: a refreshed export under the same name replaces
// the old one (and stays removable after a reload), a file another tab removed goes quietly, an
// empty file over the demo changes nothing, a catalog entry whose file went is kept but not
// reviewed, and a one-metric catalog changes that metric only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';
import {
	cards,
	loadPending,
	oneMetric,
	openUpload,
	showAll,
	upload,
	weekly
} from './saved-work.js';

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
		// Before loading, the preview already says what the new version changes.
		await page.locator('[data-replaces="weekly.csv"][data-state="compared"]').waitFor();
		assert.match(
			await notice.innerText(),
			/replaces the weekly\.csv loaded .*: 10 → 14 rows, 4 new days, 2 changed values\./
		);
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

	it('keeps the version loaded before when the new one is refused, already in the preview', async () => {
		const { page } = app;
		await page.getByTestId('file-input').setInputFiles({
			name: 'weekly.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('date,orders\n')
		});
		const refused = page.locator('[data-preview-error="weekly.csv"]');
		await refused.waitFor();
		assert.match(await refused.innerText(), /^weekly\.csv: .*header but no data rows/);
		assert.equal(await page.getByRole('button', { name: /^Load \d+ file/ }).count(), 0);
		assert.equal(await page.locator('tr[data-file]').count(), 1);
		assert.equal(
			await page.locator('tr[data-file="weekly.csv"] [data-rows-read]').innerText(),
			'14'
		);
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
		// Refused already in the preview: nothing to load, the demo stays.
		const refused = page.locator('[data-preview-error="empty.csv"]');
		await refused.waitFor();
		assert.match(await refused.innerText(), /^empty\.csv: .*header but no data rows/);
		assert.equal(await page.getByRole('button', { name: /^Load \d+ file/ }).count(), 0);
		await page
			.locator('section[aria-label="Loaded data"] h2', { hasText: 'the demo business' })
			.waitFor();
		await page.getByRole('link', { name: 'Operational review' }).click();
		await page.locator('[data-metric-card]').first().waitFor({ timeout: 60_000 });
		assert.equal(await page.locator('.page-error').count(), 0);
	});
});

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
