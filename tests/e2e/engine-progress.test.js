// The start-up progress bar follows the real bytes of the engine's download.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

describe('engine start-up progress', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
	});
	after(async () => app?.close());

	it('reports a growing byte count up to the wasm size', async () => {
		// Record every value the progress bar takes while the engine starts.
		await app.page.addInitScript(() => {
			/** @type {number[]} */
			const seen = [];
			Object.assign(window, { progressSeen: seen });
			new MutationObserver(() => {
				const bar = document.querySelector('progress');
				if (bar && bar.hasAttribute('value')) seen.push(Number(bar.getAttribute('value')));
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		await app.page.goto(new URL('/metrics', app.url).href);
		await app.page.getByText('Engine ready').waitFor({ timeout: 60_000 });
		const seen = /** @type {number[]} */ (
			await app.page.evaluate(() => Reflect.get(window, 'progressSeen'))
		);
		assert.ok(seen.length >= 2, `progress values seen: ${seen.join(', ')}`);
		assert.ok(
			seen.some((v) => v > 0 && v <= 100),
			`progress values: ${seen.join(', ')}`
		);
	});
});
