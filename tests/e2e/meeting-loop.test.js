// The meeting loop on the demo, as a team uses it week to week: an owner's comment in one week is
// shown beside the next week's; an action raised on a metric shows in later weeks (overdue after
// its due week) until it is closed; a reload keeps everything; the notes file carries it all to
// a fresh browser profile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApp } from './browser.js';

const WEEK = '2026-11-14';
const NEXT = '2026-11-21';
const METRIC = 'page_load_p90';
const COMMENT = 'Investigating: the new image service; back next week.';

/** @param {import('playwright-core').Page} page @param {string} url @param {string} week */
async function openWeek(page, url, week) {
	await page.goto(new URL(`/operational?week=${week}`, url).href);
	await page
		.locator(`[data-week-ending="${week}"]:not(.stale) #exceptions-title`)
		.waitFor({ timeout: 120_000 });
	const all = page.getByRole('button', { name: /^Show all/ });
	if (await all.isVisible()) await all.click();
	return page.locator(`[data-metric-card="${METRIC}"]`);
}

describe('the meeting loop', () => {
	/** @type {Awaited<ReturnType<typeof openApp>>} */
	let app;
	/** @type {Awaited<ReturnType<typeof openApp>> | undefined} */
	let fresh;
	before(async () => {
		app = await openApp({ width: 1280, height: 900 });
	});
	after(async () => {
		await app?.close();
		await fresh?.close();
	});

	it('carries a comment to the next week and follows an action until it is closed', async () => {
		const page = app.page;
		let card = await openWeek(page, app.url, WEEK);
		// Flagged this week and not commented yet.
		const flagged = page.locator(`[data-exception="${METRIC}"]`);
		if (await flagged.count()) assert.equal(await flagged.locator('[data-no-comment]').count(), 1);
		await card.locator('[data-comment-add]').click();
		await card.locator('[data-comment-text]').fill(COMMENT);
		await card.locator('[data-comment-save]').click();
		await card.locator('[data-current-comment]').getByText(COMMENT).waitFor();
		if (await flagged.count()) assert.equal(await flagged.locator('[data-no-comment]').count(), 0);

		await card.locator('[data-action-add]').click();
		await card.locator('[data-action-what]').fill('Roll back the image service');
		await card.locator('[data-action-owner]').fill('Web Platform');
		await card.locator('[data-action-due]').fill(WEEK);
		await card.locator('[data-action-save]').click();
		await card.locator('[data-action]').getByText('Roll back the image service').waitFor();
		await card.locator('[data-actions-of][data-saving="0"]').waitFor();
		assert.equal(await page.locator('[data-open-actions]').getAttribute('data-open-actions'), '1');

		// The next week: last week's comment beside an empty one, the action open and overdue.
		card = await openWeek(page, app.url, NEXT);
		assert.match(
			String(await card.locator('[data-previous-comment]').textContent()),
			/Last week: Investigating: the new image service/
		);
		assert.equal(await card.locator('[data-current-comment]').count(), 0);
		const open = page.locator('[data-open-actions]');
		assert.match(String(await open.locator('h2').textContent()), /Open actions: 1, 1 overdue/);
		await card.scrollIntoViewIfNeeded();
		await app.screenshot('meeting-loop-card');
		await open.locator('[data-action-done]').click();
		await open.locator('[data-action-status="done"]').waitFor();
		await page.locator('[data-open-actions][data-saving="0"]').waitFor();

		// A reload keeps the comment and the closed action; the week before still had it open.
		await page.reload();
		card = await openWeek(page, app.url, NEXT);
		await card.locator('[data-previous-comment]').waitFor();
		await page.locator('[data-open-actions] [data-action-status="done"]').waitFor();
		card = await openWeek(page, app.url, WEEK);
		await card.locator('[data-current-comment]').getByText(COMMENT).waitFor();
		await page.locator('[data-open-actions] [data-action-status="open"]').waitFor();
		assert.deepEqual(app.consoleErrors, []);
	});

	it('exports the notes file and imports it into a fresh browser profile', async () => {
		const [saved] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.locator('[data-export-work]').click()
		]);
		const path = String(await saved.path());
		const work = JSON.parse(readFileSync(path, 'utf8'));
		assert.equal(work.flywheel, 'work');
		assert.deepEqual(
			work.comments.map((/** @type {any} */ c) => [c.metricId, c.weekEnding, c.text]),
			[[METRIC, WEEK, COMMENT]]
		);
		assert.equal(work.actions[0].status, 'done');

		fresh = await openApp({ width: 1280, height: 900 });
		let card = await openWeek(fresh.page, fresh.url, NEXT);
		assert.equal(await card.locator('[data-previous-comment]').count(), 0);
		await fresh.page.locator('[data-import-work-input]').setInputFiles(path);
		await fresh.page
			.locator('[data-work-message]')
			.getByText(/2 added/)
			.waitFor();
		card = fresh.page.locator(`[data-metric-card="${METRIC}"]`);
		await card
			.locator('[data-previous-comment]')
			.getByText(/Investigating/)
			.waitFor();
		await fresh.page.locator('[data-open-actions] [data-action-status="done"]').waitFor();
		assert.deepEqual(fresh.consoleErrors, []);
	});
});
