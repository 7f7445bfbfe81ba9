// When the engine cannot start (here: its wasm is blocked, as a strict proxy or policy would),
// the customer sees a clear message, never a blank page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

describe('engine start-up failure', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
	});
	after(async () => app?.close());

	it('says the engine could not start, and the page still stands', async () => {
		await app.page.goto(new URL('/metrics', app.url).href);
		const message = app.page.getByRole('status').getByText(/data engine could not start/i);
		await message.waitFor({ timeout: 60_000 });
		assert.match(await message.innerText(), /could not start/i);
		assert.ok(await app.page.getByText('Larkspur Outfitters').isVisible());
		await app.screenshot('engine-failure');
	});
});
