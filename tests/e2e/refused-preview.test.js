// Issue 15: a file that cannot load is refused in the upload preview already, with the reason,
// and gets no Load: an empty file and a PNG renamed .csv (no mapping can load them), and a file
// with no date column (refused until a date column is chosen in the mapping).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(600, 7)
]);

describe('refused in the preview', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('says why for each, and offers no Load', async () => {
		const page = app.page;
		await page.getByTestId('file-input').setInputFiles([
			{ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
			{ name: 'picture.csv', mimeType: 'text/csv', buffer: PNG },
			{
				name: 'no-dates.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('Region,Sales\nEast,1\nWest,2\n')
			}
		]);
		const empty = page.locator('[data-preview-error="empty.csv"]');
		await empty.waitFor();
		assert.equal(await empty.innerText(), 'empty.csv: The file is empty (0 bytes).');
		const picture = page.locator('[data-preview-error="picture.csv"]');
		await picture.waitFor();
		assert.equal(
			await picture.innerText(),
			'picture.csv: This is not a text file: it looks like a PNG image.'
		);
		const problem = page.locator('[data-preview-file="no-dates.csv"] [data-mapping-problem]');
		await problem.waitFor();
		assert.equal(
			await problem.innerText(),
			'Cannot load as mapped: No column holds dates; choose the date column.'
		);
		assert.equal(await page.getByRole('button', { name: /^Load/ }).count(), 0);
	});

	it('offers Load for the good file beside them, counting it alone', async () => {
		await app.page.getByTestId('file-input').setInputFiles([
			{
				name: 'good.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('Date,Sales\n2024-01-01,1\n')
			}
		]);
		await app.page.locator('[data-preview-file="good.csv"]').waitFor();
		await app.page.getByRole('button', { name: /^Load 1 file/ }).waitFor();
	});
});
