// Issue 15: a Shift-JIS export (Japanese Excel) is detected and named in the upload preview, and
// the encoding can be changed there: read as windows-1252 its header is garbled, as Shift-JIS again
// it is right, and it loads in the encoding chosen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

// 日付,売上,地域 / 2024-01-01,100,東京 / 2024-01-02,200,東京, in Shift-JIS (Python's encoding).
const SJIS = Buffer.from(
	'93fa95742c94848fe32c926e88e60a323032342d30312d30312c3130302c938c8b9e0a' +
		'323032342d30312d30322c3230302c938c8b9e0a',
	'hex'
);

describe('choosing the encoding in the preview', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('upload', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('detects Shift-JIS, reads it otherwise on request, and loads it as chosen', async () => {
		const page = app.page;
		await page
			.getByTestId('file-input')
			.setInputFiles([{ name: 'uriage.csv', mimeType: 'text/csv', buffer: SJIS }]);
		const card = page.locator('[data-preview-file="uriage.csv"]');
		const encoding = card.getByTestId('encoding');
		await encoding.waitFor();
		assert.equal(await encoding.inputValue(), 'shift_jis');
		assert.ok(await card.locator('th', { hasText: '売上' }).count());
		await encoding.selectOption('windows-1252');
		await card.locator('th', { hasText: '”„' }).waitFor();
		await encoding.selectOption('shift_jis');
		await card.locator('th', { hasText: '売上' }).waitFor();
		await page.getByRole('button', { name: /^Load 1 file/ }).click();
		const row = page.locator('tr[data-file="uriage.csv"]');
		await row.waitFor({ timeout: 60_000 });
		assert.equal(await row.locator('[data-rows-loaded]').innerText(), '2');
	});

	it('detects GBK and EUC-KR as Node does (the byte ranges decide, not the decoders)', async () => {
		const files = {
			// 日付,売上,地域 / 2024-01-01,100,东京 in GBK; 날짜,매출,지역 / ...,서울 in EUC-KR
			'gbk.csv': [
				'c8d5b8b62c89d3c9cf2cb5d8d3f20a323032342d30312d30312c3130302cb6abbea90a',
				'gb18030'
			],
			'korean.csv': [
				'b3afc2a52cb8c5c3e22cc1f6bfaa0a323032342d30312d30312c3130302cbcadbfef0a',
				'euc-kr'
			]
		};
		await app.page.getByTestId('file-input').setInputFiles(
			Object.entries(files).map(([name, [bytes]]) => ({
				name,
				mimeType: 'text/csv',
				buffer: Buffer.from(String(bytes), 'hex')
			}))
		);
		for (const [name, [, encoding]] of Object.entries(files)) {
			const select = app.page.locator(`[data-preview-file="${name}"]`).getByTestId('encoding');
			await select.waitFor();
			assert.equal(await select.inputValue(), encoding, name);
		}
	});
});
