// Upload as an analyst does it: a wide export and a long export through the file input, a
// corrected mapping, the row accounting, the rejected rows downloaded, and a reload that keeps it all.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

// A wide WBR App export: 730 days of 9 metrics (the scenario's own file, read by relative path).
const WIDE = '../shared/peers/wbr-app/scenario_1/original.csv';
const wideRows = readFileSync(WIDE, 'utf8').trim().split('\n').length - 1;

// A long export written here so every number is known: 10 good days of two metrics in two regions
// (40 rows), one row whose value is not a number (line 42) and a totals row without a date (line 43).
function longExport() {
	const lines = ['date,metric,region,value'];
	for (let day = 1; day <= 10; day++) {
		const date = `2024-03-${String(day).padStart(2, '0')}`;
		for (const region of ['North', 'South']) {
			lines.push(`${date},orders,${region},${day * 10}`);
			lines.push(`${date},sessions,${region},${day * 100}`);
		}
	}
	lines.push('2024-03-11,orders,North,twelve');
	lines.push('Total,,,5500');
	return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * Records, in the page, the longest main-thread task and every state of the progress bar the page
 * shows (position and stage), not only those a frame happened to catch; `seenLoad` reads them.
 * @param {import('playwright-core').Page} page
 */
function watchLoad(page) {
	return page.evaluate(() => {
		/** @type {{ longest: number, samples: [number, string][] }} */
		const seen = { longest: 0, samples: [] };
		Object.assign(window, { seen });
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) seen.longest = Math.max(seen.longest, entry.duration);
		}).observe({ type: 'longtask', buffered: false });
		new MutationObserver(() => {
			const bar = document.querySelector('[data-testid="load-progress"] progress');
			if (!(bar instanceof HTMLProgressElement)) return;
			const state = /** @type {[number, string]} */ ([bar.position, bar.dataset['stage'] ?? '']);
			const last = seen.samples[seen.samples.length - 1];
			if (!last || last[0] !== state[0] || last[1] !== state[1]) seen.samples.push(state);
		}).observe(document.body, { subtree: true, childList: true, attributes: true });
	});
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ longest: number, samples: [number, string][] }>}
 */
function seenLoad(page) {
	return page.evaluate(() => Reflect.get(window, 'seen'));
}

describe('upload', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('previews both files with the detected layout', async () => {
		await app.page.getByTestId('file-input').setInputFiles([
			{ name: 'original.csv', mimeType: 'text/csv', buffer: readFileSync(WIDE) },
			{ name: 'regional-orders.csv', mimeType: 'text/csv', buffer: longExport() }
		]);
		const wide = app.page.locator('[data-preview-file="original.csv"]');
		const long = app.page.locator('[data-preview-file="regional-orders.csv"]');
		await wide.waitFor();
		await long.waitFor();
		assert.equal(await wide.getByTestId('layout').inputValue(), 'wide');
		assert.equal(await long.getByTestId('layout').inputValue(), 'long');
		assert.match(await long.innerText(), /dates in “date”/);
	});

	it('lets the user correct the mapping: a column left out', async () => {
		const wide = app.page.locator('[data-preview-file="original.csv"]');
		await wide.getByLabel('Role of column MobilePageViews').selectOption('ignored');
		await app.screenshot('upload-preview');
	});

	it('loads and accounts for every row', async () => {
		await app.page.getByRole('button', { name: /^Load 2 file/ }).click();
		const wide = app.page.locator('tr[data-file="original.csv"]');
		const long = app.page.locator('tr[data-file="regional-orders.csv"]');
		await wide.waitFor({ timeout: 60_000 });
		/** @param {import('playwright-core').Locator} row @param {string} what */
		const count = async (row, what) =>
			Number((await row.locator(`[${what}]`).innerText()).replaceAll(',', ''));
		assert.equal(await count(wide, 'data-rows-read'), wideRows);
		assert.equal(await count(wide, 'data-rows-loaded'), wideRows);
		assert.equal(await count(wide, 'data-rows-rejected'), 0);
		assert.equal(await count(long, 'data-rows-read'), 42);
		// The totals row is rejected; the row whose value reads "twelve" is kept as no data and its
		// cell reported (ingest's rule: src/lib/ingest/README.md).
		assert.equal(await count(long, 'data-rows-loaded'), 41);
		assert.equal(await count(long, 'data-rows-rejected'), 1);
		assert.match(await long.innerText(), /1 cell unreadable, stored as no data/);
		await app.screenshot('upload-loaded');
	});

	it('downloads the rejected rows with file, line and reason', async () => {
		const [download] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.getByRole('button', { name: 'Download as CSV' }).click()
		]);
		const csv = readFileSync(await download.path(), 'utf8');
		const lines = csv.trim().split(/\r?\n/);
		assert.match(lines[0] ?? '', /file.*line.*column.*reason/i);
		assert.equal(lines.length, 3, csv);
		assert.match(csv, /regional-orders\.csv,42,/);
		assert.match(csv, /regional-orders\.csv,43,/);
	});

	it('keeps the data and the corrected mapping across a reload', async () => {
		await app.page.reload();
		const wide = app.page.locator('tr[data-file="original.csv"]');
		await wide.waitFor({ timeout: 60_000 });
		assert.equal(
			Number((await wide.locator('[data-rows-loaded]').innerText()).replaceAll(',', '')),
			wideRows
		);
		assert.ok(await app.page.locator('tr[data-file="regional-orders.csv"]').isVisible());
		// 9 metric columns in the file, MobilePageViews left out; plus orders and sessions.
		assert.match(await app.page.getByText(/\d+ metrics ·/).innerText(), /^10 metrics/);
	});

	it('removes a file on request, and it stays removed after a reload', async () => {
		await app.page
			.locator('tr[data-file="regional-orders.csv"]')
			.getByRole('button', { name: 'Remove' })
			.click();
		await app.page.locator('tr[data-file="regional-orders.csv"]').waitFor({ state: 'detached' });
		await app.page.reload();
		await app.page.locator('tr[data-file="original.csv"]').waitFor({ timeout: 60_000 });
		assert.equal(await app.page.locator('tr[data-file="regional-orders.csv"]').count(), 0);
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});

/** The upload page in a fresh profile, its engine ready and the stored files listed. */
async function openUpload() {
	const app = await openApp();
	await app.page.goto(new URL('upload', app.url).href);
	await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	await app.page.locator('tr[data-file]').first().waitFor({ timeout: 60_000 });
	return app;
}

/**
 * Loads `file` through the file input while watching the page; checks that all `rows` loaded and
 * that the bar was determinate and only moved forward. Returns the longest main-thread task, the
 * bar's positions and the stages it named, in order.
 * @param {import('playwright-core').Page} page @param {string} file @param {number} rows
 */
async function loadWatched(page, file, rows) {
	const name = basename(file);
	await page.getByTestId('file-input').setInputFiles(file);
	await page.locator(`[data-preview-file="${name}"]`).waitFor();
	await watchLoad(page);
	await page.getByRole('button', { name: /^Load 1 file/ }).click();
	const row = page.locator(`tr[data-file="${name}"]`);
	await row.waitFor({ timeout: 120_000 });
	const loaded = await row.locator('[data-rows-loaded]').innerText();
	assert.equal(Number(loaded.replaceAll(',', '')), rows);
	await page.waitForTimeout(200); // long-task entries arrive after the task
	const seen = await seenLoad(page);
	// A determinate bar (position -1 would be indeterminate) that only moves forward.
	const positions = seen.samples.map(([position]) => position);
	assert.ok(
		positions.every((p, i) => p >= 0 && p >= (positions[i - 1] ?? 0)),
		String(positions)
	);
	const stages = seen.samples
		.map(([, stage]) => stage)
		.filter((s, i, all) => s !== all[i - 1] && s !== 'starting');
	return { longest: seen.longest, positions, stages };
}

/**
 * Writes `lines` to a file named `name` in a fresh folder; returns its path.
 * @param {string} name @param {string[]} lines @param {BufferEncoding} [encoding]
 */
function writeExport(name, lines, encoding = 'utf8') {
	const file = join(mkdtempSync(join(tmpdir(), 'flywheel-large-')), name);
	writeFileSync(file, Buffer.from(`${lines.join('\n')}\n`, encoding));
	return file;
}

// A large export that takes the full path: Latin-1 (decoded in JavaScript) with an `NA` cell (no
// one-pass load). 600,000 rows, 19 MB; before the work was sliced, decoding it was one 300 ms task.
describe('upload of a large file', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	const rows = 600_000;
	/** @type {string} */
	let file;
	before(async () => {
		const lines = ['date,metric,région,value'];
		const regions = ['Zürich', 'Köln', 'Malmö', 'Besançon'];
		for (let i = 0; i < rows; i++) {
			const date = new Date(Date.UTC(2000, 0, 1 + Math.floor(i / 8))).toISOString().slice(0, 10);
			const value = i === 5 ? 'NA' : String(i % 997);
			lines.push(`${date},${i % 8 < 4 ? 'orders' : 'visits'},${regions[i % 4]},${value}`);
		}
		file = writeExport('ventes-latin1.csv', lines, 'latin1');
		app = await openUpload();
	});
	after(async () => {
		await app?.close();
		rmSync(dirname(file), { recursive: true, force: true });
	});

	it('shows the real progress, stage by stage, with no long main-thread task', async () => {
		const seen = await loadWatched(app.page, file, rows);
		console.log(
			`# longest main-thread task while loading 600,000 Latin-1 rows: ${Math.round(seen.longest)} ms`
		);
		assert.ok(seen.longest < 200, `longest task ${seen.longest} ms`);
		assert.ok(new Set(seen.positions).size >= 5, `positions seen: ${[...new Set(seen.positions)]}`);
		// The stages of the full path, in order.
		assert.deepEqual(seen.stages, ['decoding', 'reading', 'lines', 'dates', 'numbers', 'storing']);
	});

	it('logs no console error', () => {
		assert.deepEqual(app.consoleErrors, []);
	});
});

// A clean export takes the one-pass load: a single DuckDB INSERT reads the whole file, and the bar
// follows DuckDB's own progress of that query (about one report per 4 MB read) instead of sitting
// at 0 % until it ends. 1,000,000 rows, 34 MB.
describe('upload of a large clean file', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	const rows = 1_000_000;
	/** @type {string} */
	let file;
	before(async () => {
		// 125 stores × 2 metrics a day, from 2014-01-01 on (4,000 days); every value a plain number.
		const lines = ['date,metric,store,value'];
		for (let i = 0; i < rows; i++) {
			const date = new Date(Date.UTC(2014, 0, 1 + Math.floor(i / 250))).toISOString().slice(0, 10);
			const store = `store_${String((i >> 1) % 125).padStart(3, '0')}`;
			lines.push(`${date},${i % 2 ? 'orders' : 'visits'},${store},${i % 997}.5`);
		}
		file = writeExport('daily-orders.csv', lines);
		app = await openUpload();
	});
	after(async () => {
		await app?.close();
		rmSync(dirname(file), { recursive: true, force: true });
	});

	it('moves the bar during the one query that loads it', async () => {
		const { positions, stages } = await loadWatched(app.page, file, rows);
		// The one-pass load is one stage, `reading` (the full path would go on to `lines`, `dates`, ...).
		assert.deepEqual(stages, ['reading']);
		console.log(`# bar positions while 1,000,000 clean rows loaded: ${positions.join(', ')}`);
		const midway = positions.filter((p) => p > 0 && p < 1);
		assert.ok(midway.length >= 1, `no position strictly between 0 and 100 %: ${positions}`);
	});

	it('logs no console error', () => {
		assert.deepEqual(app.consoleErrors, []);
	});
});
