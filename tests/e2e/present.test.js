// Presenting, printing and exporting the demo business's review of the week ending 2026-11-21:
// presentation mode moves with the keyboard and counts its slides, the review prints two cards to a
// page with none cut, and the exported HTML opens from disk with no network and the same figures.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { openApp, SCREENSHOTS } from './browser.js';

const WEEK = '2026-11-21';
const catalog = parse(readFileSync('data/demo-catalog.yaml', 'utf8'));

/**
 * The view's metric ids in the order the review shows them: the catalog's order, inputs first in
 * the operational view (deckFromCatalog).
 * @param {'operational' | 'strategic'} view
 */
function viewOrder(view) {
	const ids = Object.entries(catalog.metrics)
		.filter(([, m]) => m.views.includes(view))
		.map(([id]) => id);
	const first = view === 'operational' ? 'input' : 'output';
	return [
		...ids.filter((id) => catalog.metrics[id].kind === first),
		...ids.filter((id) => catalog.metrics[id].kind !== first)
	];
}

/** @param {string} command */
function installed(command) {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** @param {import('playwright-core').Page} page */
async function waitForReview(page) {
	await page
		.locator(`[data-week-ending="${WEEK}"]:not(.stale) [data-metric-card]`)
		.first()
		.waitFor({ timeout: 120_000 });
}

describe('presenting, printing and exporting the review', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp({ width: 1280, height: 720 });
	});
	after(async () => app?.close());

	it('presentation mode: the narrative, the exception list, then one card per slide, moved with the keyboard', async () => {
		const page = app.page;
		const order = viewOrder('operational');
		// The written narrative, the exception list, then the cards.
		const count = order.length + 2;
		await page.goto(new URL(`/present?view=operational&week=${WEEK}`, app.url).href);
		const counter = page.locator('[data-slide-counter]');
		await counter.waitFor({ timeout: 120_000 });
		/** @param {number} n @param {string} slide */
		const expectSlide = async (n, slide) => {
			await page.locator(`[data-slide="${slide}"]`).waitFor();
			assert.equal(
				(await counter.innerText()).replace(/\s+/g, ' ').trim(),
				`Slide ${n} / ${count}`
			);
		};
		await expectSlide(1, 'narrative');
		const narrative = page.locator('[data-slide="narrative"]');
		assert.match(String(await narrative.locator('h1').textContent()), /week ending 21 Nov 2026/);
		assert.match(String(await narrative.textContent()), /metrics need attention; \d+ behaved/);
		await app.screenshot('present-0-narrative');
		await page.keyboard.press('ArrowRight');
		await expectSlide(2, 'exceptions');
		assert.match(String(await page.locator('#exceptions-title').textContent()), /need attention/);
		await app.screenshot('present-1-exceptions');

		await page.keyboard.press('ArrowRight');
		await expectSlide(3, String(order[0]));
		await page.locator('[data-chart][data-drawn]').waitFor();
		await app.screenshot('present-2-first-card');
		await page.keyboard.press('PageDown');
		await expectSlide(4, String(order[1]));
		await page.keyboard.press('Space');
		await expectSlide(5, String(order[2]));
		await page.keyboard.press('PageUp');
		await expectSlide(4, String(order[1]));
		await page.keyboard.press('ArrowLeft');
		await expectSlide(3, String(order[0]));
		await page.keyboard.press('End');
		await expectSlide(count, String(order.at(-1)));
		await page.locator('[data-chart][data-drawn]').waitFor();
		await app.screenshot('present-3-last-card');
		// The deck stops at its ends.
		await page.keyboard.press('ArrowRight');
		await expectSlide(count, String(order.at(-1)));
		await page.keyboard.press('Home');
		await expectSlide(1, 'narrative');
		await page.keyboard.press('ArrowRight');
		await expectSlide(2, 'exceptions');

		// An exception's name goes to its card's slide.
		const first = String(
			await page.locator('[data-exception]').first().getAttribute('data-exception')
		);
		await page.locator(`[data-exception="${first}"] a`).click();
		await expectSlide(order.indexOf(first) + 3, first);
		// A pressed button keeps focus; Space must still move one slide, not two.
		await page.getByRole('button', { name: 'Next →' }).click();
		await expectSlide(order.indexOf(first) + 4, String(order[order.indexOf(first) + 1]));
		await page.keyboard.press('Space');
		await expectSlide(order.indexOf(first) + 5, String(order[order.indexOf(first) + 2]));

		await page.keyboard.press('Escape');
		await page.waitForURL(`**/operational?week=${WEEK}`);
		await waitForReview(page);
		assert.deepEqual(app.consoleErrors, []);
	});

	it('prints to PDF two cards to a page, none cut, with every metric name', async () => {
		const page = app.page;
		await page.goto(new URL(`/operational?week=${WEEK}`, app.url).href);
		await waitForReview(page);
		await page.getByRole('button', { name: /Show all/ }).click();
		const cards = await page.locator('[data-metric-card]').count();
		assert.equal(cards, viewOrder('operational').length);
		// What the browser's print command does first: charts below the fold are drawn for it.
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-chart][data-drawn]').length === n,
			cards
		);

		// Each card, laid out for print on A4, fits in half the printable height (297mm - 2 x 12mm).
		await page.emulateMedia({ media: 'print' });
		await page.setViewportSize({ width: Math.round((186 / 25.4) * 96), height: 720 });
		const layout = await page.locator('[data-metric-card]').evaluateAll((els) =>
			els.map((el) => ({
				height: el.getBoundingClientRect().height,
				chart: el.querySelector('[data-chart] canvas')?.getBoundingClientRect().height ?? 0,
				breakInside: getComputedStyle(el).breakInside
			}))
		);
		const halfPage = ((297 - 24) / 2 / 25.4) * 96;
		for (const { height, chart, breakInside } of layout) {
			assert.equal(breakInside, 'avoid');
			// The chart is on the page at a readable size (84mm), not collapsed.
			assert.ok(chart > 200, `a chart is ${chart} px high`);
			assert.ok(height <= halfPage, `a card is ${height} px high, half a page is ${halfPage}`);
		}
		const hidden = await page.evaluate(() =>
			['.app > header', 'form', 'button'].map(
				(s) => getComputedStyle(/** @type {Element} */ (document.querySelector(s))).display
			)
		);
		assert.deepEqual(hidden, ['none', 'none', 'none']);

		const pdf = await page.pdf({ format: 'A4' });
		await page.emulateMedia({ media: 'screen' });
		await page.setViewportSize({ width: 1280, height: 720 });
		mkdirSync(SCREENSHOTS, { recursive: true });
		const file = join(SCREENSHOTS, 'review-operational.pdf');
		writeFileSync(file, pdf);
		// Page objects, counted in the file itself (no PDF library needed).
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
		// The title and the exception list, then two cards a page.
		assert.ok(
			pages >= Math.ceil(cards / 2) && pages <= Math.ceil(cards / 2) + 1,
			`${pages} pages for ${cards} cards`
		);
		if (!installed('pdftotext')) {
			console.log('# pdftotext not installed (apt-get install poppler-utils): text not checked');
			return;
		}
		const labels = await page
			.locator('[data-metric-card] h3')
			.evaluateAll((els) => els.map((el) => String(el.textContent).trim()));
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		for (const label of labels) assert.ok(text.includes(label), `"${label}" in the PDF`);
		// Every card's box is on a page with at most one other box.
		const perPage = text.split('\f').map((p) => p.match(/Last wk/g)?.length ?? 0);
		assert.equal(
			perPage.reduce((a, b) => a + b, 0),
			cards
		);
		assert.ok(
			perPage.every((n) => n <= 2),
			`boxes per page: ${perPage.join(',')}`
		);
	});

	it('exports the review as JSON and as one HTML file that opens from disk with no network', async () => {
		const page = app.page;
		await page.goto(new URL(`/present?view=operational&week=${WEEK}`, app.url).href);
		await page.locator('[data-slide-counter]').waitFor({ timeout: 120_000 });

		const [json] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-export-json]').click()
		]);
		assert.equal(json.suggestedFilename(), `flywheel-operational-${WEEK}.json`);
		const review = JSON.parse(readFileSync(String(await json.path()), 'utf8'));
		assert.equal(review.weekEnding, WEEK);
		const metrics = review.blocks.flatMap((/** @type {any} */ b) => b.metrics);
		assert.deepEqual(
			metrics.map((/** @type {any} */ m) => m.id),
			viewOrder('operational')
		);

		const [html] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.locator('[data-export-html]').click()
		]);
		assert.equal(html.suggestedFilename(), `flywheel-operational-${WEEK}.html`);
		const file = resolve(SCREENSHOTS, html.suggestedFilename());
		await html.saveAs(file);

		// A browser of its own, offline, every request recorded and refused but the file itself.
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		try {
			const context = await browser.newContext({
				offline: true,
				viewport: { width: 1280, height: 720 }
			});
			/** @type {string[]} */
			const requests = [];
			await context.route('**/*', (route) => {
				requests.push(route.request().url());
				return route.request().url() === `file://${file}` ? route.continue() : route.abort();
			});
			const offline = await context.newPage();
			await offline.goto(`file://${file}`);
			assert.deepEqual(requests, [`file://${file}`], 'no request left the file');
			assert.equal(await offline.locator('script').count(), 0);
			assert.equal(await offline.locator('article svg').count(), metrics.length);
			await offline.screenshot({ path: join(SCREENSHOTS, 'export-offline.png') });
			const text = await offline.locator('body').innerText();
			for (const metric of metrics) assert.ok(text.includes(metric.label), metric.label);
			// The same figures as the app's box, cell for cell, for every metric.
			await page.goto(new URL(`/operational?week=${WEEK}`, app.url).href);
			await waitForReview(page);
			await page.getByRole('button', { name: /Show all/ }).click();
			for (const metric of metrics) {
				const cell = (/** @type {string} */ box) => `${box} [data-box-cell]`;
				const onScreen = await page
					.locator(cell(`[data-metric-card="${metric.id}"]`))
					.evaluateAll((els) => els.map((el) => String(el.firstChild?.textContent).trim()));
				const exported = await offline
					.locator(cell(`#card-${metric.id}`))
					.evaluateAll((els) => els.map((el) => String(el.textContent).trim()));
				assert.deepEqual(exported, onScreen, metric.id);
			}
		} finally {
			await browser.close();
		}
	});
});
