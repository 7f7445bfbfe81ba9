// A social-media style long export whose metric column is not called "metric", every field
// quoted, in windows-1252 (an en dash in a platform's name): uploaded, the preview says which
// column names the metric and offers the others, and the app shows three metrics split by
// platform, each platform's week as the sum computed here. Then the rejected rows of a file named
// like a formula download as text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const CRITERIA = ['views', 'visitors', 'reach'];
const PLATFORMS = ['web', 'mobile – app'];
// Two whole weeks, Sunday 2 June to Saturday 15 June 2024 (weeks end on Saturday).
const DAYS = Array.from({ length: 14 }, (_, i) => `2024-06-${String(2 + i).padStart(2, '0')}`);
const WEEK = '2024-06-15';

/** A small whole number per row, so every weekly sum prints exactly. */
const valueOf = (/** @type {number} */ day, /** @type {number} */ c, /** @type {number} */ p) =>
	1 + 2 * c + p + (day % 3);

/** The export's bytes in windows-1252: ASCII, and 0x96 for the en dash. */
function socialExport() {
	const lines = ['"Date","Criterion","Platform","Value"'];
	DAYS.forEach((date, d) =>
		CRITERIA.forEach((criterion, c) =>
			PLATFORMS.forEach((platform, p) =>
				lines.push(`"${date}","${criterion}","${platform}","${valueOf(d, c, p)}"`)
			)
		)
	);
	const text = `${lines.join('\r\n')}\r\n`;
	return Buffer.from(Array.from(text, (ch) => (ch === '–' ? 0x96 : ch.charCodeAt(0))));
}

/** The sum of one criterion and platform over the days of the week ending `WEEK` (the last 7). */
function weekSum(/** @type {number} */ c, /** @type {number} */ p) {
	let sum = 0;
	for (let d = 7; d < 14; d++) sum += valueOf(d, c, p);
	return sum;
}

describe('a long export whose metric column is "Criterion"', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('previews it as long, naming the metric column and offering the others', async () => {
		await app.page
			.getByTestId('file-input')
			.setInputFiles([{ name: 'social.csv', mimeType: 'text/csv', buffer: socialExport() }]);
		const card = app.page.locator('[data-preview-file="social.csv"]');
		await card.waitFor();
		assert.equal(await card.getByTestId('layout').inputValue(), 'long');
		assert.equal(await card.getByTestId('metric-name-taken').innerText(), '“Criterion”');
		const picker = card.getByTestId('metric-name-column');
		assert.equal(await picker.inputValue(), 'Criterion');
		assert.deepEqual(await picker.locator('option').allInnerTexts(), ['Criterion', 'Platform']);
		assert.match(await card.innerText(), /windows-1252/);
		// The preview's rows are the decoded text: the en dash, not a control character.
		assert.match(await card.innerText(), /mobile – app/);
	});

	it('loads three metrics, every row, split by platform', async () => {
		await app.page.getByRole('button', { name: /^Load 1 file/ }).click();
		const row = app.page.locator('tr[data-file="social.csv"]');
		await row.waitFor({ timeout: 60_000 });
		const rows = DAYS.length * CRITERIA.length * PLATFORMS.length;
		assert.equal(Number(await row.locator('[data-rows-loaded]').innerText()), rows);
		assert.equal(Number(await row.locator('[data-rows-rejected]').innerText()), 0);
		assert.match(await app.page.getByText(/\d+ metrics ·/).innerText(), /^3 metrics/);
	});

	for (const [c, criterion] of CRITERIA.entries()) {
		it(`shows ${criterion} by platform, each week the sum of its days`, async () => {
			await app.page.goto(new URL(`metric/${criterion}?week=${WEEK}`, app.url).href);
			const table = app.page.locator('[data-segments="Platform"]');
			await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
			for (const [p, platform] of PLATFORMS.entries()) {
				const cells = table.locator(`tbody tr[data-segment="${platform}"] td`);
				assert.equal(await cells.nth(0).innerText(), String(weekSum(c, p)), platform);
			}
			const all = table.locator('tfoot td').first();
			assert.equal(await all.innerText(), String(weekSum(c, 0) + weekSum(c, 1)));
		});
	}

	it('downloads rejected rows that open as text, whatever the file and column are called', async () => {
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.locator('tr[data-file="social.csv"]').waitFor({ timeout: 60_000 });
		const name = '=HYPERLINK("http://evil").csv';
		const text = 'date,+cmd\n2024-06-02,abc\n2024-06-03,-12.5\n';
		await app.page
			.getByTestId('file-input')
			.setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(text) }]);
		await app.page.getByRole('button', { name: /^Load 1 file/ }).click();
		await app.page.locator(`tr[data-file='${name}']`).waitFor({ timeout: 60_000 });
		const [download] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.getByRole('button', { name: 'Download as CSV' }).click()
		]);
		const csv = readFileSync(await download.path(), 'utf8');
		// The file name and the column start like formulas: each gets a leading apostrophe.
		assert.equal(
			csv,
			`file,line,column,reason\r\n"'=HYPERLINK(""http://evil"").csv",2,'+cmd,"not a number: ""abc"""`
		);
	});

	it('logs no console error and requests nothing from another origin', () => {
		assert.deepEqual(app.consoleErrors, []);
		assert.deepEqual(app.foreignRequests, []);
	});
});
