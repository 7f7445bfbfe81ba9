// Issue 15: what a date on more than one row of a wide file means is chosen in the upload
// preview's mapping: here "the first row kept", so the repeated row (line 5) is rejected.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const TWICE = Buffer.from(
	'Date,Revenue\n2021-01-01,10\n2021-01-02,20\n2021-01-03,30\n2021-01-02,25\n'
);

describe('choosing what a repeated date means', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('keeps the first row of 2021-01-02 and rejects the other', async () => {
		const page = app.page;
		await page
			.getByTestId('file-input')
			.setInputFiles([{ name: 'twice.csv', mimeType: 'text/csv', buffer: TWICE }]);
		const repeats = page.locator('[data-preview-file="twice.csv"]').getByTestId('repeats');
		await repeats.waitFor();
		assert.equal(await repeats.inputValue(), 'sum');
		await repeats.selectOption('first');
		await page.getByRole('button', { name: /^Load 1 file/ }).click();
		const row = page.locator('tr[data-file="twice.csv"]');
		await row.waitFor({ timeout: 60_000 });
		assert.equal(await row.locator('[data-rows-read]').innerText(), '4');
		assert.equal(await row.locator('[data-rows-loaded]').innerText(), '3');
		assert.equal(await row.locator('[data-rows-rejected]').innerText(), '1');
	});
});
