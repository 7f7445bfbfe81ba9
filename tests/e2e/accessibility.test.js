// The review works by keyboard alone and reads on a 4K screen as well as at 1280x720.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

/** @param {import('playwright-core').Page} page @param {string} selector */
async function tabUntilFocused(page, selector, limit = 40) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`${selector} never took the keyboard focus in ${limit} presses of Tab`);
}

describe('keyboard only', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp();
		await app.page.goto(new URL('operational', app.url).href);
		await app.page.locator('[data-exception]').first().waitFor({ timeout: 60_000 });
	});
	after(async () => app?.close());

	it('changes the week from the keyboard, and the address follows', async () => {
		await tabUntilFocused(app.page, '[data-week-picker]');
		const before = await app.page.locator('[data-week-picker]').inputValue();
		await app.page.keyboard.press('ArrowDown');
		await app.page.waitForURL(/week=/, { timeout: 30_000 });
		const after = await app.page.locator('[data-week-picker]').inputValue();
		assert.notEqual(after, before);
		assert.match(app.page.url(), new RegExp(`week=${after}`));
	});

	it('reveals every metric and a chart’s figures with Enter and Space', async () => {
		await app.page.locator('[data-exception]').first().waitFor({ timeout: 60_000 });
		const cards = app.page.locator('[data-metric-card]');
		const flagged = await cards.count();
		await tabUntilFocused(app.page, 'button.show-all', 80);
		await app.page.keyboard.press('Enter');
		await app.page.waitForFunction(
			(n) => document.querySelectorAll('[data-metric-card]').length > n,
			flagged
		);
		await tabUntilFocused(app.page, '[data-metric-card] summary');
		await app.page.keyboard.press('Space');
		const table = app.page.locator('[data-metric-card] details[open] table').first();
		await table.waitFor();
		assert.ok((await table.locator('tr').count()) > 6, 'the figures table lists the periods');
	});
});

describe('on a 4K screen', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	before(async () => {
		app = await openApp({ width: 3840, height: 2160 });
	});
	after(async () => app?.close());

	it('lays the cards out side by side with nothing wider than the screen', async () => {
		await app.page.goto(new URL('operational', app.url).href);
		await app.page
			.locator('[data-week-ending]:not(.stale) #exceptions-title')
			.first()
			.waitFor({ timeout: 60_000 });
		await app.page.getByRole('button', { name: /Show all/ }).click();
		const layout = await app.page.evaluate(() => {
			const tops = [...document.querySelectorAll('[data-metric-card]')].map(
				(el) => el.getBoundingClientRect().top
			);
			return {
				overflow: document.documentElement.scrollWidth - window.innerWidth,
				perRow: tops.filter((t) => t === tops[0]).length
			};
		});
		assert.ok(layout.overflow <= 0, `page is ${layout.overflow}px wider than the screen`);
		assert.ok(layout.perRow >= 4, `${layout.perRow} cards in the first row`);
		await app.screenshot('operational-4k');
	});
});
